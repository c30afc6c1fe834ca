import type { V1LabelSelector } from "@kubernetes/client-node";
import type { SourceLocation } from "../../engine/types.js";
import { selects } from "../../chaos/kubernetes.js";
import { BUILT_IN_POD_TEMPLATE_PATHS, getPath, isRecord, type ManifestObject } from "../../sources/kubernetes.js";
import type { PathSegment } from "../../sources/yaml.js";

type Labels = Record<string, string>;

function stringLabels(value: unknown): Labels {
  const out: Labels = {};
  if (isRecord(value)) for (const [key, entry] of Object.entries(value)) if (typeof entry === "string") out[key] = entry;
  return out;
}

function sameNamespace(a: ManifestObject, b: ManifestObject): boolean {
  return a.ref.namespace === undefined || b.ref.namespace === undefined || a.ref.namespace === b.ref.namespace;
}

export interface PodWorkload {
  manifest: ManifestObject;
  templatePath: PathSegment[];
  template: Record<string, unknown>;
  labels: Labels;
}

/** The workload's pod template (Deployment, StatefulSet, DaemonSet, Rollout), with its labels. */
export function podWorkload(manifest: ManifestObject): PodWorkload | undefined {
  const entry = BUILT_IN_POD_TEMPLATE_PATHS.find((path) => path.kind === manifest.ref.kind && (!path.apiVersion || path.apiVersion === manifest.apiVersion));
  if (!entry) return undefined;
  const template = getPath(manifest.object, entry.path);
  if (!isRecord(template)) return undefined;
  return { manifest, templatePath: entry.path, template, labels: stringLabels(getPath(template, ["metadata", "labels"])) };
}

/** An int-or-percent of a PDB, scaled to the replicas as the disruption controller does (percentages round up). */
function scaled(value: unknown, replicas: number): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^[0-9]+%$/.test(value)) return Math.ceil((Number(value.slice(0, -1)) / 100) * replicas);
  if (typeof value === "string" && /^[0-9]+$/.test(value)) return Number(value);
  return undefined;
}

const DRAIN_MS = /_(MS|MILLIS|MILLISECONDS)$/;

function preStopSeconds(container: Record<string, unknown>): number | null {
  const preStop = getPath(container, ["lifecycle", "preStop"]);
  if (!isRecord(preStop)) return null;
  const sleep = getPath(preStop, ["sleep", "seconds"]);
  if (typeof sleep === "number") return sleep;
  const command = getPath(preStop, ["exec", "command"]);
  if (Array.isArray(command)) {
    const match = /\bsleep\s+([0-9]+)\b/.exec(command.map(String).join(" "));
    if (match) return Number(match[1]);
  }
  return null;
}

/** Milliseconds or seconds of the app's drain, from the container env variables named by the options. */
function drainSeconds(container: Record<string, unknown>, names: readonly string[]): number | null {
  const env = Array.isArray(container.env) ? container.env : [];
  let total = 0;
  let found = false;
  for (const name of names) {
    const entry = env.find((item) => isRecord(item) && item.name === name) as Record<string, unknown> | undefined;
    const value = Number(entry?.value);
    if (entry === undefined || !Number.isFinite(value)) continue;
    found = true;
    total += DRAIN_MS.test(name) ? value / 1000 : value;
  }
  return found ? total : null;
}

export type Locate = (location: SourceLocation | undefined, resource?: ManifestObject["ref"]) => number;

/** Replicas, HPA, PDBs, spread, probes, graceful shutdown and NetworkPolicies of one workload, as facts. */
export function workloadKubernetesFacts(workload: PodWorkload, objects: readonly ManifestObject[], all: readonly PodWorkload[], drainEnv: readonly string[], at: Locate) {
  const { manifest, template, templatePath } = workload;
  const ref = manifest.ref;
  const here = (path: readonly PathSegment[]) => at(manifest.locate(path), ref);
  const inTemplate = (path: readonly PathSegment[]) => here([...templatePath, ...path]);
  const replicasValue = getPath(manifest.object, ["spec", "replicas"]);
  const replicas = manifest.ref.kind === "DaemonSet" ? null : typeof replicasValue === "number" ? replicasValue : 1;

  const hpaObject = objects.find(
    (object) =>
      object.ref.kind === "HorizontalPodAutoscaler" &&
      sameNamespace(object, manifest) &&
      getPath(object.object, ["spec", "scaleTargetRef", "kind"]) === ref.kind &&
      getPath(object.object, ["spec", "scaleTargetRef", "name"]) === ref.name,
  );
  const hpaMin = hpaObject ? getPath(hpaObject.object, ["spec", "minReplicas"]) : undefined;
  const hpaMax = hpaObject ? getPath(hpaObject.object, ["spec", "maxReplicas"]) : undefined;
  const stabilization = hpaObject ? getPath(hpaObject.object, ["spec", "behavior", "scaleDown", "stabilizationWindowSeconds"]) : undefined;
  const hpa = hpaObject
    ? {
        name: hpaObject.ref.name,
        min: typeof hpaMin === "number" ? hpaMin : 1,
        max: typeof hpaMax === "number" ? hpaMax : 0,
        stabilization_seconds: typeof stabilization === "number" ? stabilization : null,
        place: at(hpaObject.locate(["spec", "minReplicas"]), hpaObject.ref),
        behavior_place: at(hpaObject.locate(["spec", "behavior", "scaleDown", "stabilizationWindowSeconds"]), hpaObject.ref),
      }
    : null;
  const effective = Math.max(replicas ?? 0, hpa?.min ?? 0);

  const pdbs = objects
    .filter((object) => object.ref.kind === "PodDisruptionBudget" && sameNamespace(object, manifest) && isRecord(getPath(object.object, ["spec", "selector"])))
    .filter((object) => selects(getPath(object.object, ["spec", "selector"]) as V1LabelSelector, workload.labels))
    .map((object) => {
      const minAvailable = getPath(object.object, ["spec", "minAvailable"]);
      const maxUnavailable = getPath(object.object, ["spec", "maxUnavailable"]);
      const allowed =
        minAvailable !== undefined
          ? effective - (scaled(minAvailable, effective) ?? effective)
          : maxUnavailable !== undefined
            ? (scaled(maxUnavailable, effective) ?? 0)
            : 0;
      return {
        name: object.ref.name,
        rule: minAvailable !== undefined ? `minAvailable ${String(minAvailable)}` : maxUnavailable !== undefined ? `maxUnavailable ${String(maxUnavailable)}` : "neither minAvailable nor maxUnavailable",
        disruptions_allowed: Math.max(0, allowed),
        place: at(object.locate(["spec", minAvailable !== undefined ? "minAvailable" : "maxUnavailable"]), object.ref),
      };
    });

  const spec = isRecord(template.spec) ? template.spec : {};
  const spread = (Array.isArray(spec.topologySpreadConstraints) && spec.topologySpreadConstraints.length > 0) || isRecord(getPath(spec, ["affinity", "podAntiAffinity"]));
  const containers = (Array.isArray(spec.containers) ? spec.containers : []).filter(isRecord);
  const grace = typeof spec.terminationGracePeriodSeconds === "number" ? spec.terminationGracePeriodSeconds : 30;

  const policies = objects.filter(
    (object) => object.ref.kind === "NetworkPolicy" && sameNamespace(object, manifest) && selects(getPath(object.object, ["spec", "podSelector"]) as V1LabelSelector, workload.labels),
  );
  const types = (policy: ManifestObject): string[] => {
    const written = getPath(policy.object, ["spec", "policyTypes"]);
    if (Array.isArray(written)) return written.map(String);
    return getPath(policy.object, ["spec", "egress"]) !== undefined ? ["Ingress", "Egress"] : ["Ingress"];
  };
  const rules = (policy: ManifestObject, key: "ingress" | "egress"): unknown[] => {
    const value = getPath(policy.object, ["spec", key]);
    return Array.isArray(value) ? value : [];
  };
  const denies = (key: "ingress" | "egress", type: string) => policies.some((policy) => types(policy).includes(type) && rules(policy, key).length === 0);
  const allowPolicies = policies.filter((policy) => rules(policy, "ingress").length > 0 || rules(policy, "egress").length > 0);
  const egress: { target: string; workloads: string[]; place: number }[] = [];
  for (const policy of policies) {
    if (!types(policy).includes("Egress")) continue;
    rules(policy, "egress").forEach((rule, index) => {
      const to = isRecord(rule) && Array.isArray(rule.to) ? rule.to : [];
      if (to.length === 0) {
        egress.push({ target: "anywhere (an egress rule without `to`)", workloads: [], place: at(policy.locate(["spec", "egress", index]), policy.ref) });
        return;
      }
      to.forEach((peer, peerIndex) => {
        if (!isRecord(peer) || !isRecord(peer.podSelector) || peer.namespaceSelector !== undefined) return; // other namespaces, DNS, ipBlocks
        const selected = all.filter((other) => sameNamespace(other.manifest, policy) && selects(peer.podSelector as V1LabelSelector, other.labels)).map((other) => other.manifest.ref.name);
        egress.push({ target: JSON.stringify(peer.podSelector), workloads: selected, place: at(policy.locate(["spec", "egress", index, "to", peerIndex]), policy.ref) });
      });
    });
  }

  return {
    replicas,
    replicas_place: here(["spec", "replicas"]),
    hpa,
    pdbs,
    spread,
    spread_place: inTemplate(["spec"]),
    containers: containers.map((container, index) => ({
      name: typeof container.name === "string" ? container.name : `container ${index}`,
      readiness_probe: isRecord(container.readinessProbe),
      liveness_probe: isRecord(container.livenessProbe),
      pre_stop_seconds: preStopSeconds(container),
      drain_seconds: drainSeconds(container, drainEnv),
      place: inTemplate(["spec", "containers", index]),
    })),
    termination_grace_seconds: grace,
    grace_place: inTemplate(["spec", "terminationGracePeriodSeconds"]),
    network: {
      deny_ingress: denies("ingress", "Ingress"),
      deny_egress: denies("egress", "Egress"),
      allow_policies: allowPolicies.map((policy) => policy.ref.name),
      egress,
    },
  };
}
