import { CollectorError, ConfigurationError } from "../../engine/errors.js";
import type { CollectedInput, Gate, GateContext } from "../../engine/gate.js";
import type { PolicyFinding, SourceLocation, Waiver } from "../../engine/types.js";
import { checkWaiver, type WaiverProblem } from "../../engine/waivers.js";
import type { ChartSource } from "../../sources/helm.js";
import {
  BUILT_IN_POD_TEMPLATE_PATHS,
  findWorkloads,
  getPath,
  isRecord,
  type ManifestObject,
  parseFieldPath,
  type PodTemplatePath,
  type Workload,
} from "../../sources/kubernetes.js";
import { objectKey, type ClusterOptions } from "../../sources/cluster.js";
import { readManifestSources } from "../../sources/manifests.js";
import {
  inForce,
  kubeVersionForPodSecurity,
  podSecurityMinor,
  type PodSecurityInForce,
  type PodSecuritySetting,
} from "../../sources/pod-security.js";
import { parseYamlValue, type PathSegment } from "../../sources/yaml.js";
import { SECURITY_CONTEXT_FLAGS } from "./flags.js";
import { readLiveWorkloads } from "./live.js";
import { objectSourcesFromFlags } from "../flag-values.js";

export interface SecurityContextOptions {
  manifests?: string[];
  charts?: ChartSource[];
  kustomize?: string[];
  podTemplatePaths?: { kind: string; apiVersion?: string; path: string }[];
  allowEmptyGlobs?: boolean;
  /** The Pod Security level and version the checks are judged at (default restricted, latest). */
  podSecurity?: PodSecuritySetting;
  /**
   * Judge what is deployed: workloads and pods are read from the cluster; the manifests, charts and
   * kustomizations, when given, only tell findings the file and line of each object.
   */
  cluster?: true | ClusterOptions;
}

/** Annotation on an object or its pod template: a JSON list of waivers for that object alone. */
export const WAIVER_ANNOTATION = "resilience-gates.io/waivers";

async function collect(context: GateContext, options: SecurityContextOptions): Promise<CollectedInput> {
  const { logger } = context;
  const setting = options.podSecurity ?? {};
  const gateMinor = podSecurityMinor(setting.version ?? "latest", "security-context podSecurity.version");
  const gatePodSecurity: PodSecurityInForce = { level: setting.level ?? "restricted", minor: gateMinor, source: "podSecurity" };
  const { objects, files, errors } = await readManifestSources(context.workspace, { ...options, kubeVersion: kubeVersionForPodSecurity(gateMinor) }, logger);
  const live = options.cluster ? await readLiveWorkloads(options.cluster === true ? {} : options.cluster, objects, logger) : undefined;
  const judged = live ? live.objects : objects;
  const customPaths: PodTemplatePath[] = (options.podTemplatePaths ?? []).map((entry) => ({
    kind: entry.kind,
    ...(entry.apiVersion ? { apiVersion: entry.apiVersion } : {}),
    path: parseFieldPath(entry.path),
  }));
  const workloads = findWorkloads(judged, [...customPaths, ...BUILT_IN_POD_TEMPLATE_PATHS], errors);
  const serviceAccounts = serviceAccountIndex([...judged, ...(live ? objects : [])]);
  const podSecurityOf = podSecurityResolver(gatePodSecurity, setting.namespaceLabels === false ? [] : [...judged, ...(live ? objects : [])]);
  const waiverProblems: WaiverProblem[] = [];
  const localWaivers = workloads.map((workload) => annotationWaivers(workload, context.now, waiverProblems, live?.label));

  return {
    input: {
      workloads: workloads.map((workload, id) => ({
        id,
        kind: workload.manifest.ref.kind,
        api_version: workload.manifest.apiVersion,
        name: workload.manifest.ref.name,
        ...(workload.manifest.ref.namespace ? { namespace: workload.manifest.ref.namespace } : {}),
        template: workload.template,
        pod_security: (({ level, minor }) => ({ level, minor }))(podSecurityOf(workload.manifest.ref.namespace)),
        ...serviceAccountFacts(workload, serviceAccounts),
      })),
    },
    locate: (finding: PolicyFinding) => {
      const workload = typeof finding.workload === "number" ? workloads[finding.workload] : undefined;
      if (!workload) throw new CollectorError(`policy finding ${finding.rule} names unknown workload ${String(finding.workload)}`);
      const path = Array.isArray(finding.path) ? (finding.path as PathSegment[]) : [];
      const container = containerAt(workload, path);
      return {
        resource: workload.manifest.ref,
        ...(container ? { container } : {}),
        location: workload.manifest.locate([...workload.templatePath, ...path]),
        waivers: localWaivers[finding.workload as number] ?? [],
      };
    },
    stats: { files, objects: judged.length, workloads: workloads.length, ...(live ? { ownedLeftOut: live.owned } : {}) },
    waiverProblems,
    ...(errors.length > 0 ? { errors } : {}),
  };
}

/**
 * The Pod Security level and version for a workload's namespace: the labels of the Namespace object
 * among the inputs (live ones first), else the gate's setting.
 */
function podSecurityResolver(gate: PodSecurityInForce, objects: readonly ManifestObject[]): (namespace: string | undefined) => PodSecurityInForce {
  const labels = new Map<string, Record<string, unknown>>();
  for (const object of objects) {
    if (object.ref.kind !== "Namespace" || object.apiVersion !== "v1" || labels.has(object.ref.name)) continue;
    const found = getPath(object.object, ["metadata", "labels"]);
    labels.set(object.ref.name, isRecord(found) ? found : {});
  }
  const resolved = new Map<string | undefined, PodSecurityInForce>();
  return (namespace) => {
    let result = resolved.get(namespace);
    if (!result) {
      result = namespace === undefined ? gate : inForce(gate, labels.get(namespace), namespace);
      resolved.set(namespace, result);
    }
    return result;
  };
}

/** The ServiceAccounts among the inputs, by namespace (as written, or none) and name. */
function serviceAccountIndex(objects: readonly ManifestObject[]): Map<string, Record<string, unknown>> {
  const index = new Map<string, Record<string, unknown>>();
  for (const object of objects) {
    if (object.ref.kind !== "ServiceAccount" || object.apiVersion !== "v1") continue;
    const key = `${object.ref.namespace ?? ""}/${object.ref.name}`;
    if (!index.has(key)) index.set(key, object.object);
  }
  return index;
}

/**
 * The pod's ServiceAccount (spec.serviceAccountName, else the deprecated spec.serviceAccount, else
 * default) when it is among the inputs: its automountServiceAccountToken decides for a pod that does not
 * set its own, as the kubelet decides.
 */
function serviceAccountFacts(workload: Workload, index: Map<string, Record<string, unknown>>): { service_account?: Record<string, unknown> } {
  const spec = isRecord(workload.template.spec) ? workload.template.spec : {};
  const named = [spec.serviceAccountName, spec.serviceAccount].find((value): value is string => typeof value === "string" && value !== "") ?? "default";
  const namespace = workload.manifest.ref.namespace;
  const account = index.get(`${namespace ?? ""}/${named}`) ?? index.get(`/${named}`);
  if (!account) return {};
  const automount = account.automountServiceAccountToken;
  return { service_account: { name: named, ...(typeof automount === "boolean" ? { automountServiceAccountToken: automount } : {}) } };
}

/** The name of the container a finding's path (`spec.containers[i]...` of the pod template) points into. */
function containerAt(workload: Workload, path: readonly PathSegment[]): string | undefined {
  const [spec, list, index] = path;
  if (spec !== "spec" || typeof list !== "string" || !/^(init|ephemeral)?[cC]ontainers$/.test(list) || typeof index !== "number") return undefined;
  const entries = isRecord(workload.template.spec) ? workload.template.spec[list] : undefined;
  const entry = Array.isArray(entries) ? (entries[index] as unknown) : undefined;
  return isRecord(entry) && typeof entry.name === "string" ? entry.name : undefined;
}

/** `cluster` names the cluster a live object without a manifest was read from: its waivers are written there. */
function annotationWaivers(workload: Workload, now: Date, problems: WaiverProblem[], cluster?: string): Waiver[] {
  const waivers: Waiver[] = [];
  const places: PathSegment[][] = [["metadata"], [...workload.templatePath, "metadata"]];
  for (const place of places.filter((p, i) => i === 0 || p.length > 1)) {
    const metadata = place.reduce<unknown>((value, key) => (isRecord(value) ? value[String(key)] : undefined), workload.manifest.object);
    const annotations = isRecord(metadata) ? metadata.annotations : undefined;
    const raw = isRecord(annotations) ? annotations[WAIVER_ANNOTATION] : undefined;
    if (raw === undefined) continue;
    const { ref } = workload.manifest;
    const where: SourceLocation = workload.manifest.locate([...place, "annotations", WAIVER_ANNOTATION]) ?? {
      file: `${cluster ?? "cluster"}: ${objectKey(ref.kind, ref.namespace, ref.name)}`,
      line: 1,
    };
    let entries: unknown;
    try {
      entries = typeof raw === "string" ? parseYamlValue(raw, `annotation ${WAIVER_ANNOTATION}`) : raw;
    } catch (error) {
      const reason = (error as Error).message.split("\n")[0]?.replace(/^annotation \S+:\d+(:\d+)?: /, "");
      problems.push({ rule: "WAIVER-002", message: `annotation ${WAIVER_ANNOTATION} is not valid JSON or YAML: ${reason}`, location: where });
      continue;
    }
    if (!Array.isArray(entries)) {
      problems.push({ rule: "WAIVER-002", message: `annotation ${WAIVER_ANNOTATION} must be a list of waivers`, location: where });
      continue;
    }
    for (const entry of entries) {
      const checked = checkWaiver(entry, "annotationWaiver", () => where, now, {
        resource: { ...workload.manifest.ref },
      });
      if ("problem" in checked) problems.push(checked.problem);
      else waivers.push(checked.waiver);
    }
  }
  return waivers;
}

export const securityContextGate: Gate<SecurityContextOptions> = {
  id: "security-context",
  summary: "Pod Security baseline and restricted, plus hardening good practice, on manifests, charts and kustomizations",
  cliFlags: SECURITY_CONTEXT_FLAGS,
  optionsFromFlags(flags) {
    const sources = objectSourcesFromFlags(flags);
    if (Object.keys(sources).length === 0) return undefined;
    const level = flags["pod-security-level"];
    const version = flags["pod-security-version"];
    if (level !== undefined && level !== "baseline" && level !== "restricted") {
      throw new ConfigurationError(`--pod-security-level must be baseline or restricted, not ${JSON.stringify(level)}`);
    }
    const podSecurity: PodSecuritySetting = {
      ...(level !== undefined ? { level } : {}),
      ...(typeof version === "string" ? { version } : {}),
    };
    return { ...sources, ...(Object.keys(podSecurity).length > 0 ? { podSecurity } : {}) };
  },
  collect,
  independentItems: "workloads",
  fixtureOptions: (file) => ({ manifests: [file] }),
};
