import { ConfigurationError } from "../engine/errors.js";
import type { ResourceRef, SourceLocation } from "../engine/types.js";
import type { PathSegment, YamlDocument } from "./yaml.js";

/** One Kubernetes object and where it was written. */
export interface ManifestObject {
  object: Record<string, unknown>;
  ref: ResourceRef;
  apiVersion: string;
  /**
   * Maps a path inside `object` to where it is written (a template file for rendered charts); undefined
   * for an object read from a live cluster that no manifest of the repository matches.
   */
  locate(path: readonly PathSegment[]): SourceLocation | undefined;
}

/** Where the pod template sits in a kind; for custom resources this comes from the config. */
export interface PodTemplatePath {
  kind: string;
  /** Matches any apiVersion when unset. */
  apiVersion?: string;
  path: PathSegment[];
}

export const BUILT_IN_POD_TEMPLATE_PATHS: readonly PodTemplatePath[] = [
  { kind: "Pod", path: [] },
  { kind: "PodTemplate", path: ["template"] },
  { kind: "Deployment", path: ["spec", "template"] },
  { kind: "StatefulSet", path: ["spec", "template"] },
  { kind: "DaemonSet", path: ["spec", "template"] },
  { kind: "ReplicaSet", path: ["spec", "template"] },
  { kind: "ReplicationController", path: ["spec", "template"] },
  { kind: "Job", path: ["spec", "template"] },
  { kind: "CronJob", path: ["spec", "jobTemplate", "spec", "template"] },
  { kind: "Rollout", apiVersion: "argoproj.io/v1alpha1", path: ["spec", "template"] },
];

/** Parses `spec.template.spec` style paths from the config. */
export function parseFieldPath(path: string): PathSegment[] {
  if (path === "" || path === ".") return [];
  return path.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Turns YAML documents into Kubernetes objects, expanding `kind: List`. Empty documents are skipped;
 * anything else that is not an object with apiVersion, kind and metadata.name is an error at its line.
 */
export function manifestObjects(
  document: YamlDocument,
  locateIn: (document: YamlDocument, path: readonly PathSegment[]) => SourceLocation = locateInDocument,
): ManifestObject[] {
  if (document.value === null || document.value === undefined) return [];
  const make = (value: unknown, prefix: PathSegment[]): ManifestObject[] => {
    const where = locateIn(document, prefix);
    if (!isRecord(value)) {
      throw new ConfigurationError(`document ${document.index + 1} is not a Kubernetes object (expected a mapping with apiVersion and kind)`, where);
    }
    const { apiVersion, kind } = value;
    if (typeof kind !== "string" || kind === "") {
      throw new ConfigurationError(`document ${document.index + 1} is not a Kubernetes object: it has no \`kind\``, where);
    }
    if (typeof apiVersion !== "string" || apiVersion === "") {
      throw new ConfigurationError(`${kind} in document ${document.index + 1} has no \`apiVersion\``, where);
    }
    if (kind.endsWith("List") && Array.isArray(value.items)) {
      return value.items.flatMap((item, index) => make(item, [...prefix, "items", index]));
    }
    const metadata = isRecord(value.metadata) ? value.metadata : undefined;
    const name = metadata?.name ?? metadata?.generateName;
    if (typeof name !== "string" || name === "") {
      throw new ConfigurationError(`${kind} in document ${document.index + 1} has no metadata.name`, where);
    }
    const namespace = typeof metadata?.namespace === "string" ? metadata.namespace : undefined;
    return [
      {
        object: value,
        apiVersion,
        ref: namespace ? { kind, name, namespace } : { kind, name },
        locate: (path) => locateIn(document, [...prefix, ...path]),
      },
    ];
  };
  return make(document.value, []);
}

export function locateInDocument(document: YamlDocument, path: readonly PathSegment[]): SourceLocation {
  const position = document.locate(path);
  return { file: document.file, line: position.line, column: position.column };
}

export interface Workload {
  manifest: ManifestObject;
  templatePath: PathSegment[];
  template: Record<string, unknown>;
}

/**
 * The objects that carry a pod template, with the template found through the path map. An object without
 * a template where its kind has one is an error; with `errors` it is listed there and the others are kept.
 */
export function findWorkloads(objects: readonly ManifestObject[], paths: readonly PodTemplatePath[], errors?: string[]): Workload[] {
  const workloads: Workload[] = [];
  for (const manifest of objects) {
    const entry = paths.find((p) => p.kind === manifest.ref.kind && (!p.apiVersion || p.apiVersion === manifest.apiVersion));
    if (!entry) continue;
    const template = getPath(manifest.object, entry.path);
    if (!isRecord(template)) {
      const error = new ConfigurationError(
        `${manifest.ref.kind} ${manifest.ref.name} has no pod template at ${entry.path.join(".") || "(root)"}`,
        manifest.locate(entry.path),
      );
      if (!errors) throw error;
      errors.push(error.message);
      continue;
    }
    workloads.push({ manifest, templatePath: entry.path, template });
  }
  return workloads;
}

export function getPath(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === "number") current = current[segment];
    else if (isRecord(current)) current = current[String(segment)];
    else return undefined;
  }
  return current;
}
