import type { Logger } from "../../engine/logger.js";
import { ClusterReader, liveManifest, repositoryIndex, type ClusterOptions, type ResourceType } from "../../sources/cluster.js";
import { getPath, isRecord, type ManifestObject } from "../../sources/kubernetes.js";

/** Every kind the live security-context read lists: what the RBAC in charts/resilience-gates-rbac grants. */
export const WORKLOAD_RESOURCE_TYPES: readonly ResourceType[] = [
  { kind: "Deployment", group: "apps", version: "v1", plural: "deployments" },
  { kind: "StatefulSet", group: "apps", version: "v1", plural: "statefulsets" },
  { kind: "DaemonSet", group: "apps", version: "v1", plural: "daemonsets" },
  { kind: "ReplicaSet", group: "apps", version: "v1", plural: "replicasets" },
  { kind: "CronJob", group: "batch", version: "v1", plural: "cronjobs" },
  { kind: "Job", group: "batch", version: "v1", plural: "jobs" },
  { kind: "Pod", group: "", version: "v1", plural: "pods" },
];

function controllerUid(object: Record<string, unknown>): string | undefined {
  const owners = getPath(object, ["metadata", "ownerReferences"]);
  if (!Array.isArray(owners)) return undefined;
  const controller = owners.find((owner) => isRecord(owner) && owner.controller === true);
  return isRecord(controller) && typeof controller.uid === "string" ? controller.uid : undefined;
}

/**
 * Reads the workloads and pods that run. An object whose controller is another object read here (a
 * Deployment's ReplicaSets, a CronJob's Jobs, the pods of any of them) is left out: its owner's pod
 * template is judged instead. Pods that finished (Succeeded, Failed) are left out too; the pods that
 * remain are judged as the API server stores them, with every admission webhook's mutation.
 */
export async function readLiveWorkloads(
  options: ClusterOptions,
  repository: readonly ManifestObject[],
  logger: Logger,
): Promise<{ objects: ManifestObject[]; owned: number; label: string }> {
  const reader = await ClusterReader.connect(options, logger);
  logger.info(`security-context: reading workloads and pods from ${reader.describe()}`);
  const listed = (await reader.listAll(WORKLOAD_RESOURCE_TYPES)).flatMap((result) => ("objects" in result ? result.objects : []));
  const uids = new Set(listed.map((object) => getPath(object, ["metadata", "uid"])).filter((uid): uid is string => typeof uid === "string"));
  const index = repositoryIndex(repository);
  const objects: ManifestObject[] = [];
  let owned = 0;
  for (const object of listed) {
    const owner = controllerUid(object);
    if (owner !== undefined && uids.has(owner)) {
      owned++;
      continue;
    }
    const phase = getPath(object, ["status", "phase"]);
    if (object.kind === "Pod" && (phase === "Succeeded" || phase === "Failed")) continue;
    objects.push(liveManifest(object, index));
  }
  logger.info(`security-context: ${objects.length} live objects to judge (${owned} left out because their controller is judged)`);
  return { objects, owned, label: reader.label };
}
