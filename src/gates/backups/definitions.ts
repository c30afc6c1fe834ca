import type { SourceLocation } from "../../engine/types.js";
import type { CronDialect } from "../../sources/cron.js";
import { parseCatalogDuration, parseGoDuration } from "../../sources/duration.js";
import { getPath, isRecord, type ManifestObject } from "../../sources/kubernetes.js";
import type { PathSegment } from "../../sources/yaml.js";

/** Label on a backup definition (or a CloudNativePG Cluster) naming the catalog store it backs up. */
export const STORE_LABEL = "resilience-gates.io/store";
/** Annotation that states a definition's retention (`30d`, `4w`, or `unlimited`) where the kind has none. */
export const RETENTION_ANNOTATION = "resilience-gates.io/retention";

export type Family = "cronjob" | "velero" | "cnpg" | "k8up";

export interface Retention {
  /** Seconds the backups are kept; null when unlimited or unknown. */
  seconds: number | null;
  unlimited: boolean;
  known: boolean;
  /** Where the value comes from, in words: "Velero spec.template.ttl", "k8up prune.retention keepDaily 7". */
  source: string;
  /** A value that is written but does not parse. */
  error?: string;
  /** Where to point a finding about retention (undefined for a live object no manifest matches). */
  location: SourceLocation | undefined;
  /** k8up keepLast: that many runs are kept, so the collector multiplies it by the schedule's shortest gap. */
  keepLast?: number;
}

/** One backup definition found in the manifests. */
export interface BackupDefinition {
  family: Family;
  manifest: ManifestObject;
  dialect: CronDialect;
  /** Path of the schedule string within the object. */
  schedulePath: PathSegment[];
  schedule: unknown;
  /** spec.timeZone of a CronJob. */
  timeZone?: { value: unknown; path: PathSegment[] };
  suspended?: { path: PathSegment[] };
  retention: Retention;
  /** Store named by the label on the object (or on the CloudNativePG Cluster it backs up). */
  labelStore?: { name: string; location: SourceLocation | undefined };
  /** CronJob status.lastSuccessfulTime: the controller's record of the last successful run. */
  lastSuccessful?: { value: string; location: SourceLocation | undefined };
}

const DAY = 86_400;

function labels(object: Record<string, unknown>): Record<string, unknown> {
  const value = getPath(object, ["metadata", "labels"]);
  return isRecord(value) ? value : {};
}

function annotations(object: Record<string, unknown>): Record<string, unknown> {
  const value = getPath(object, ["metadata", "annotations"]);
  return isRecord(value) ? value : {};
}

function sameNamespace(a: ManifestObject, b: ManifestObject): boolean {
  return a.ref.namespace === undefined || b.ref.namespace === undefined || a.ref.namespace === b.ref.namespace;
}

function familyOf(manifest: ManifestObject): Family | undefined {
  const group = manifest.apiVersion.split("/")[0] ?? "";
  if (manifest.ref.kind === "CronJob" && group === "batch") return "cronjob";
  if (manifest.ref.kind === "Schedule" && group === "velero.io") return "velero";
  if (manifest.ref.kind === "Schedule" && (group === "k8up.io" || group === "backup.appuio.ch")) return "k8up";
  if (manifest.ref.kind === "ScheduledBackup" && group === "postgresql.cnpg.io") return "cnpg";
  return undefined;
}

/**
 * Finds the backup definitions among the objects. A CronJob counts only when something ties it to a
 * store (the label, or a binding in the catalog or config): most CronJobs are not backups. Velero and
 * k8up Schedules (with a backup schedule) and CloudNativePG ScheduledBackups always count.
 */
export function findBackupDefinitions(objects: readonly ManifestObject[], isBound: (manifest: ManifestObject) => boolean): BackupDefinition[] {
  const definitions: BackupDefinition[] = [];
  for (const manifest of objects) {
    const family = familyOf(manifest);
    if (!family) continue;
    const object = manifest.object;
    const labelValue = labels(object)[STORE_LABEL];
    let labelStore = typeof labelValue === "string" && labelValue !== "" ? { name: labelValue, location: manifest.locate(["metadata", "labels", STORE_LABEL]) } : undefined;
    const at = (path: PathSegment[]) => manifest.locate(path);
    const retentionOverride = annotationRetention(manifest);
    switch (family) {
      case "cronjob": {
        if (!labelStore && !isBound(manifest)) continue;
        const status = getPath(object, ["status", "lastSuccessfulTime"]);
        definitions.push({
          family,
          manifest,
          dialect: "standard",
          schedulePath: ["spec", "schedule"],
          schedule: getPath(object, ["spec", "schedule"]),
          ...(getPath(object, ["spec", "timeZone"]) !== undefined ? { timeZone: { value: getPath(object, ["spec", "timeZone"]), path: ["spec", "timeZone"] } } : {}),
          ...(getPath(object, ["spec", "suspend"]) === true ? { suspended: { path: ["spec", "suspend"] } } : {}),
          retention: retentionOverride ?? {
            seconds: null,
            unlimited: false,
            known: false,
            source: `no retention: a CronJob does not say how long its backups are kept (annotation ${RETENTION_ANNOTATION})`,
            location: at(["metadata", "name"]),
          },
          ...(labelStore ? { labelStore } : {}),
          ...(typeof status === "string" ? { lastSuccessful: { value: status, location: at(["status", "lastSuccessfulTime"]) } } : {}),
        });
        break;
      }
      case "velero": {
        const ttl = getPath(object, ["spec", "template", "ttl"]);
        let retention: Retention;
        if (retentionOverride) retention = retentionOverride;
        else if (ttl === undefined) retention = { seconds: 720 * 3600, unlimited: false, known: true, source: "Velero's default TTL 720h (spec.template.ttl is not set)", location: at(["spec", "template"]) };
        else {
          const seconds = typeof ttl === "string" ? parseGoDuration(ttl) : undefined;
          retention =
            seconds === undefined
              ? { seconds: null, unlimited: false, known: false, source: "spec.template.ttl", error: `ttl ${JSON.stringify(ttl)} is not a Go duration like 720h0m0s`, location: at(["spec", "template", "ttl"]) }
              : { seconds, unlimited: false, known: true, source: `Velero spec.template.ttl ${String(ttl)}`, location: at(["spec", "template", "ttl"]) };
        }
        definitions.push({
          family,
          manifest,
          dialect: "standard",
          schedulePath: ["spec", "schedule"],
          schedule: getPath(object, ["spec", "schedule"]),
          ...(getPath(object, ["spec", "paused"]) === true ? { suspended: { path: ["spec", "paused"] } } : {}),
          retention,
          ...(labelStore ? { labelStore } : {}),
        });
        break;
      }
      case "k8up": {
        if (!isRecord(getPath(object, ["spec", "backup"]))) continue;
        definitions.push({
          family,
          manifest,
          dialect: "k8up",
          schedulePath: ["spec", "backup", "schedule"],
          schedule: getPath(object, ["spec", "backup", "schedule"]),
          retention: retentionOverride ?? k8upRetention(manifest),
          ...(labelStore ? { labelStore } : {}),
        });
        break;
      }
      case "cnpg": {
        const clusterName = getPath(object, ["spec", "cluster", "name"]);
        const cluster = objects.find(
          (other) =>
            other.ref.kind === "Cluster" && other.apiVersion.startsWith("postgresql.cnpg.io/") && other.ref.name === clusterName && sameNamespace(other, manifest),
        );
        if (!labelStore && cluster) {
          const fromCluster = labels(cluster.object)[STORE_LABEL];
          if (typeof fromCluster === "string" && fromCluster !== "") labelStore = { name: fromCluster, location: cluster.locate(["metadata", "labels", STORE_LABEL]) };
        }
        definitions.push({
          family,
          manifest,
          dialect: "seconds",
          schedulePath: ["spec", "schedule"],
          schedule: getPath(object, ["spec", "schedule"]),
          ...(getPath(object, ["spec", "suspend"]) === true ? { suspended: { path: ["spec", "suspend"] } } : {}),
          retention: retentionOverride ?? cnpgRetention(manifest, cluster, objects, typeof clusterName === "string" ? clusterName : undefined),
          ...(labelStore ? { labelStore } : {}),
        });
        break;
      }
    }
  }
  return definitions;
}

function annotationRetention(manifest: ManifestObject): Retention | undefined {
  const value = annotations(manifest.object)[RETENTION_ANNOTATION];
  if (value === undefined) return undefined;
  const location = manifest.locate(["metadata", "annotations", RETENTION_ANNOTATION]);
  const source = `annotation ${RETENTION_ANNOTATION}: ${String(value)}`;
  if (value === "unlimited") return { seconds: null, unlimited: true, known: true, source, location };
  const seconds = typeof value === "string" ? parseCatalogDuration(value) : undefined;
  if (seconds === undefined) {
    return { seconds: null, unlimited: false, known: false, source, error: `${JSON.stringify(value)} is not a duration like 30d or 12w, nor "unlimited"`, location };
  }
  return { seconds, unlimited: false, known: true, source, location };
}

/** CloudNativePG `retentionPolicy`: `<n>d`, `<n>w` or `<n>m` (months, counted as 30 days). */
function parseCnpgRetention(value: unknown): number | undefined {
  const match = typeof value === "string" ? /^([1-9][0-9]*)([dwm])$/.exec(value) : null;
  if (!match) return undefined;
  return Number(match[1]) * ({ d: 1, w: 7, m: 30 }[match[2] as "d" | "w" | "m"] * DAY);
}

function cnpgRetention(manifest: ManifestObject, cluster: ManifestObject | undefined, objects: readonly ManifestObject[], clusterName: string | undefined): Retention {
  const method = getPath(manifest.object, ["spec", "method"]) ?? "barmanObjectStore";
  if (!cluster) {
    return {
      seconds: null,
      unlimited: false,
      known: false,
      source: `the CloudNativePG Cluster ${clusterName ?? "(spec.cluster.name is not set)"} is not among the manifests, so its retentionPolicy is unknown (annotation ${RETENTION_ANNOTATION})`,
      location: manifest.locate(["spec", "cluster", "name"]),
    };
  }
  if (method === "volumeSnapshot") {
    return {
      seconds: null,
      unlimited: false,
      known: false,
      source: `volume snapshots are not pruned by CloudNativePG; state their retention with the annotation ${RETENTION_ANNOTATION}`,
      location: manifest.locate(["spec", "method"]),
    };
  }
  const fromPolicy = (owner: ManifestObject, path: PathSegment[], what: string): Retention => {
    const value = getPath(owner.object, path);
    const location = owner.locate(path);
    if (value === undefined) {
      return { seconds: null, unlimited: true, known: true, source: `${what} has no retentionPolicy, so backups are never deleted`, location: owner.locate(path.slice(0, -1)) };
    }
    const seconds = parseCnpgRetention(value);
    return seconds === undefined
      ? { seconds: null, unlimited: false, known: false, source: what, error: `retentionPolicy ${JSON.stringify(value)} is not like 30d, 4w or 3m`, location }
      : { seconds, unlimited: false, known: true, source: `${what} retentionPolicy ${String(value)}`, location };
  };
  if (method === "plugin") {
    const plugins = getPath(cluster.object, ["spec", "plugins"]);
    const index = Array.isArray(plugins) ? plugins.findIndex((plugin) => isRecord(plugin) && typeof getPath(plugin, ["parameters", "barmanObjectName"]) === "string") : -1;
    const objectName = index >= 0 ? getPath(cluster.object, ["spec", "plugins", index, "parameters", "barmanObjectName"]) : undefined;
    const store = objects.find((other) => other.ref.kind === "ObjectStore" && other.apiVersion.startsWith("barmancloud.cnpg.io/") && other.ref.name === objectName && sameNamespace(other, cluster));
    if (!store) {
      return {
        seconds: null,
        unlimited: false,
        known: false,
        source: `the Barman Cloud ObjectStore ${typeof objectName === "string" ? objectName : "(no barmanObjectName in the Cluster's plugins)"} is not among the manifests, so its retentionPolicy is unknown`,
        location: cluster.locate(index >= 0 ? ["spec", "plugins", index] : ["spec"]),
      };
    }
    return fromPolicy(store, ["spec", "retentionPolicy"], `ObjectStore ${store.ref.name}`);
  }
  return fromPolicy(cluster, ["spec", "backup", "retentionPolicy"], `Cluster ${cluster.ref.name} spec.backup`);
}

/**
 * k8up prunes with restic's keep rules: the backups kept reach back about keepLast runs, keepHourly
 * hours, keepDaily days, keepWeekly weeks, keepMonthly months (30 days) or keepYearly years (365 days),
 * whichever is longest. Without a prune section nothing is deleted.
 */
function k8upRetention(manifest: ManifestObject): Retention {
  const prune = getPath(manifest.object, ["spec", "prune"]);
  if (!isRecord(prune)) {
    return { seconds: null, unlimited: true, known: true, source: "k8up without a prune schedule never deletes backups", location: manifest.locate(["spec", "backup"]) };
  }
  const retention = getPath(prune, ["retention"]);
  const location = manifest.locate(["spec", "prune", "retention"]);
  if (!isRecord(retention)) {
    return { seconds: null, unlimited: true, known: true, source: "k8up prune has no retention rules, so restic keeps every snapshot", location };
  }
  const periods: Record<string, number> = { keepHourly: 3600, keepDaily: DAY, keepWeekly: 7 * DAY, keepMonthly: 30 * DAY, keepYearly: 365 * DAY };
  let best: { seconds: number; rule: string } | undefined;
  for (const [rule, period] of Object.entries(periods)) {
    const count = retention[rule];
    if (typeof count === "number" && count > 0 && (!best || count * period > best.seconds)) best = { seconds: count * period, rule: `${rule} ${count}` };
  }
  const keepLast = retention.keepLast;
  if (typeof keepLast === "number" && keepLast > 0) {
    return { seconds: best?.seconds ?? null, unlimited: false, known: true, source: `k8up prune.retention${best ? ` ${best.rule},` : ""} keepLast ${keepLast}`, location, keepLast };
  }
  if (!best) return { seconds: null, unlimited: true, known: true, source: "k8up prune.retention sets no keep rule", location };
  return { seconds: best.seconds, unlimited: false, known: true, source: `k8up prune.retention ${best.rule}`, location };
}
