import type { Logger } from "../../engine/logger.js";
import { ClusterReader, liveManifest, repositoryIndex, type ClusterOptions, type ResourceType } from "../../sources/cluster.js";
import { epochSeconds } from "../../sources/duration.js";
import { getPath, isRecord, type ManifestObject } from "../../sources/kubernetes.js";
import { STORE_LABEL, type BackupDefinition, type Family } from "./definitions.js";
import type { EvidenceRecord } from "./evidence.js";

/** Backup systems whose CRDs the live read may require (`cluster.require`); CronJobs are always there. */
export type BackupSystem = Exclude<Family, "cronjob">;

export interface BackupsClusterOptions extends ClusterOptions {
  /** Backup systems that must be installed: their CRDs missing is an error rather than "none read". */
  require?: BackupSystem[];
  /** Namespace of Velero's Schedules and Backups when one namespace is read (default velero). */
  veleroNamespace?: string;
}

interface LiveType extends ResourceType {
  system?: BackupSystem;
}

const CRONJOB: LiveType = { kind: "CronJob", group: "batch", version: "v1", plural: "cronjobs" };
const VELERO_SCHEDULE: LiveType = { kind: "Schedule", group: "velero.io", version: "v1", plural: "schedules", crd: "schedules.velero.io", system: "velero" };
const VELERO_BACKUP: LiveType = { kind: "Backup", group: "velero.io", version: "v1", plural: "backups", crd: "backups.velero.io", system: "velero" };
const CNPG_TYPES: LiveType[] = [
  { kind: "ScheduledBackup", group: "postgresql.cnpg.io", version: "v1", plural: "scheduledbackups", crd: "scheduledbackups.postgresql.cnpg.io", system: "cnpg" },
  { kind: "Cluster", group: "postgresql.cnpg.io", version: "v1", plural: "clusters", crd: "clusters.postgresql.cnpg.io", system: "cnpg" },
  { kind: "Backup", group: "postgresql.cnpg.io", version: "v1", plural: "backups", crd: "backups.postgresql.cnpg.io", system: "cnpg" },
];
const K8UP_TYPES: LiveType[] = [
  { kind: "Schedule", group: "k8up.io", version: "v1", plural: "schedules", crd: "schedules.k8up.io", system: "k8up" },
  { kind: "Backup", group: "k8up.io", version: "v1", plural: "backups", crd: "backups.k8up.io", system: "k8up" },
];

/** Every kind the live backups read lists: what the RBAC in charts/resilience-gates-rbac grants. */
export const BACKUP_RESOURCE_TYPES: readonly ResourceType[] = [CRONJOB, VELERO_SCHEDULE, VELERO_BACKUP, ...CNPG_TYPES, ...K8UP_TYPES];

export interface LiveBackupObjects {
  objects: ManifestObject[];
  label: string;
}

/**
 * Reads the backup definitions and the backup objects from the cluster. Velero lives in its own
 * namespace, so when one namespace is read, Velero's objects are read from `veleroNamespace`.
 */
export async function readLiveBackupObjects(options: BackupsClusterOptions, repository: readonly ManifestObject[], logger: Logger): Promise<LiveBackupObjects> {
  const reader = await ClusterReader.connect(options, logger);
  logger.info(`backups: reading CronJobs and Velero, CloudNativePG and k8up objects from ${reader.describe()}`);
  const required = new Set(options.require ?? []);
  const optional = (type: ResourceType) => !required.has((type as LiveType).system as BackupSystem);
  const results = [
    ...(await reader.listAll([CRONJOB, ...CNPG_TYPES, ...K8UP_TYPES], optional)),
    ...(await reader.inNamespace(options.veleroNamespace ?? "velero").listAll([VELERO_SCHEDULE, VELERO_BACKUP], optional)),
  ];
  const index = repositoryIndex(repository);
  const objects = results.flatMap((result) => ("objects" in result ? result.objects.map((object) => liveManifest(object, index)) : []));
  return { objects, label: reader.label };
}

function group(manifest: ManifestObject): string {
  return manifest.apiVersion.split("/")[0] ?? "";
}

function label(manifest: ManifestObject, key: string): string | undefined {
  const value = getPath(manifest.object, ["metadata", "labels", key]);
  return typeof value === "string" && value !== "" ? value : undefined;
}

function time(manifest: ManifestObject, path: string[]): number | undefined {
  const value = getPath(manifest.object, path);
  return typeof value === "string" ? epochSeconds(value) : undefined;
}

interface Outcome {
  status: "succeeded" | "failed";
  finishedAt: number;
  startedAt: number | null;
  statusPath: string[];
}

/** Velero Backup: phase Completed is a success (completionTimestamp); Failed and PartiallyFailed are failures. */
function veleroOutcome(manifest: ManifestObject): Outcome | undefined {
  const phase = getPath(manifest.object, ["status", "phase"]);
  const startedAt = time(manifest, ["status", "startTimestamp"]) ?? null;
  const finished = time(manifest, ["status", "completionTimestamp"]);
  if (phase === "Completed" && finished !== undefined) return { status: "succeeded", finishedAt: finished, startedAt, statusPath: ["status", "completionTimestamp"] };
  if (phase === "Failed" || phase === "PartiallyFailed" || phase === "FailedValidation") {
    const at = finished ?? startedAt ?? time(manifest, ["metadata", "creationTimestamp"]);
    if (at !== undefined) return { status: "failed", finishedAt: at, startedAt, statusPath: ["status", "phase"] };
  }
  return undefined;
}

/** CloudNativePG Backup: phase `completed` (stoppedAt) or `failed`. */
function cnpgOutcome(manifest: ManifestObject): Outcome | undefined {
  const phase = getPath(manifest.object, ["status", "phase"]);
  const startedAt = time(manifest, ["status", "startedAt"]) ?? null;
  const stopped = time(manifest, ["status", "stoppedAt"]);
  if (phase === "completed" && stopped !== undefined) return { status: "succeeded", finishedAt: stopped, startedAt, statusPath: ["status", "stoppedAt"] };
  if (phase === "failed") {
    const at = stopped ?? startedAt ?? time(manifest, ["metadata", "creationTimestamp"]);
    if (at !== undefined) return { status: "failed", finishedAt: at, startedAt, statusPath: ["status", "phase"] };
  }
  return undefined;
}

/** k8up Backup: the `Completed` condition, True with reason Succeeded (or Failed), at its lastTransitionTime. */
function k8upOutcome(manifest: ManifestObject): Outcome | undefined {
  const conditions = getPath(manifest.object, ["status", "conditions"]);
  if (!Array.isArray(conditions)) return undefined;
  const index = conditions.findIndex((condition) => isRecord(condition) && condition.type === "Completed" && condition.status === "True");
  const condition = conditions[index] as Record<string, unknown> | undefined;
  const at = typeof condition?.lastTransitionTime === "string" ? epochSeconds(condition.lastTransitionTime) : undefined;
  if (!condition || at === undefined) return undefined;
  const statusPath = ["status", "conditions", String(index)];
  if (condition.reason === "Succeeded") return { status: "succeeded", finishedAt: at, startedAt: null, statusPath };
  if (condition.reason === "Failed") return { status: "failed", finishedAt: at, startedAt: null, statusPath };
  return undefined;
}

const SOURCES = { velero: "velero-backup", cnpg: "cnpg-backup", k8up: "k8up-backup" } as const;
const WORDS = { velero: "Velero Backup", cnpg: "CloudNativePG Backup", k8up: "k8up Backup" } as const;

/**
 * The outcome of every finished Backup object, as evidence for the stores of the definition that made it:
 * Velero through the `velero.io/schedule-name` label, CloudNativePG through `spec.cluster.name`, k8up
 * through its owner Schedule; a Backup's own store label counts too. Running backups are not evidence.
 */
export function liveBackupEvidence(
  objects: readonly ManifestObject[],
  definitions: readonly { definition: BackupDefinition; stores: string[] }[],
  source: string,
): EvidenceRecord[] {
  const records: EvidenceRecord[] = [];
  const sameNamespace = (a: ManifestObject, b: ManifestObject) => a.ref.namespace === b.ref.namespace;
  for (const manifest of objects) {
    if (manifest.ref.kind !== "Backup") continue;
    const system: BackupSystem | undefined = group(manifest) === "velero.io" ? "velero" : group(manifest) === "postgresql.cnpg.io" ? "cnpg" : group(manifest) === "k8up.io" ? "k8up" : undefined;
    if (!system) continue;
    const outcome = system === "velero" ? veleroOutcome(manifest) : system === "cnpg" ? cnpgOutcome(manifest) : k8upOutcome(manifest);
    if (!outcome) continue;
    const makers = definitions.filter(({ definition }) => {
      const made = definition.manifest;
      if (definition.family !== system || !sameNamespace(made, manifest)) return false;
      if (system === "velero") return label(manifest, "velero.io/schedule-name") === made.ref.name;
      if (system === "cnpg") return getPath(made.object, ["spec", "cluster", "name"]) === getPath(manifest.object, ["spec", "cluster", "name"]);
      const owners = getPath(manifest.object, ["metadata", "ownerReferences"]);
      return Array.isArray(owners) && owners.some((owner) => isRecord(owner) && owner.kind === "Schedule" && owner.name === made.ref.name);
    });
    const stores = new Set(makers.flatMap((maker) => maker.stores));
    const own = label(manifest, STORE_LABEL);
    if (own) stores.add(own);
    for (const store of [...stores].sort()) {
      records.push({
        store,
        status: outcome.status,
        finishedAt: outcome.finishedAt,
        startedAt: outcome.startedAt,
        backupId: `${WORDS[system]} ${manifest.ref.namespace ? `${manifest.ref.namespace}/` : ""}${manifest.ref.name}`,
        source: SOURCES[system],
        file: source,
        locate: (field) => manifest.locate(field === "store" ? ["metadata", "labels"] : field === "record" ? [] : outcome.statusPath),
      });
    }
  }
  return records;
}
