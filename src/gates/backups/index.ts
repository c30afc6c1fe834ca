import { CollectorError, ConfigurationError } from "../../engine/errors.js";
import type { CollectedInput, FindingPlace, Gate, GateContext } from "../../engine/gate.js";
import type { PolicyFinding, SourceLocation } from "../../engine/types.js";
import { loadCatalog, storeFacts, type Catalog } from "../../sources/catalog.js";
import { isValidTimeZone, parseSchedule, ScheduleError, worstCaseGap, zoneOffsetMs, type GapAnalysis, type ParsedSchedule } from "../../sources/cron.js";
import { epochSeconds, formatDuration } from "../../sources/duration.js";
import { readStandaloneTextFile } from "../../sources/files.js";
import type { ChartSource } from "../../sources/helm.js";
import type { ManifestObject } from "../../sources/kubernetes.js";
import { readManifestSources } from "../../sources/manifests.js";
import type { PathSegment } from "../../sources/yaml.js";
import { findBackupDefinitions, type BackupDefinition } from "./definitions.js";
import { readEvidence, type EvidenceProblem, type EvidenceRecord } from "./evidence.js";
import { BACKUPS_FLAGS } from "./flags.js";
import { liveBackupEvidence, readLiveBackupObjects, type BackupsClusterOptions } from "./live.js";
import { flagList, objectSourcesFromFlags } from "../flag-values.js";

export interface BackupBinding {
  store: string;
  kind: string;
  name: string;
  namespace?: string;
}

export interface BackupsOptions {
  catalog?: string;
  manifests?: string[];
  charts?: ChartSource[];
  kustomize?: string[];
  evidence?: string[];
  bindings?: BackupBinding[];
  defaultTimeZone?: string;
  allowEmptyGlobs?: boolean;
  /**
   * Judge what is deployed: the definitions and Backup objects are read from the cluster; the manifests,
   * charts and kustomizations, when given, only tell findings the file and line of each object.
   */
  cluster?: true | BackupsClusterOptions;
}

interface Binding extends BackupBinding {
  origin: "catalog" | "config";
  location?: SourceLocation;
}

type ScheduleField = "schedule" | "timeZone" | "suspend" | "retention" | "label" | "name";

function readObjects(context: GateContext, options: BackupsOptions): Promise<{ objects: ManifestObject[]; files: number; errors: string[] }> {
  return readManifestSources(context.workspace, options, context.logger);
}

function bindingsOf(catalog: Catalog, options: BackupsOptions): Binding[] {
  const bindings: Binding[] = [];
  for (const store of catalog.stores) {
    store.backups.forEach((ref, index) => bindings.push({ ...ref, store: store.name, origin: "catalog", location: store.locate(["backups", index]) }));
  }
  for (const binding of options.bindings ?? []) bindings.push({ ...binding, origin: "config" });
  return bindings;
}

function bindingMatches(binding: Binding, manifest: ManifestObject): boolean {
  return (
    binding.kind === manifest.ref.kind &&
    binding.name === manifest.ref.name &&
    (binding.namespace === undefined || manifest.ref.namespace === undefined || binding.namespace === manifest.ref.namespace)
  );
}

interface Judged {
  definition: BackupDefinition;
  stores: string[];
  zone: string;
  zoneSource: string;
  parsed?: ParsedSchedule;
  gap?: GapAnalysis;
  error?: { field: ScheduleField; message: string };
}

function judgeSchedule(definition: BackupDefinition, defaultZone: string, now: Date): Omit<Judged, "stores"> {
  const raw = definition.schedule;
  const specZone = definition.timeZone?.value;
  let zone = defaultZone;
  let zoneSource = "default";
  if (typeof raw !== "string" || raw.trim() === "") {
    return { definition, zone, zoneSource, error: { field: "schedule", message: `${definition.schedulePath.join(".")} is missing or not a string` } };
  }
  let parsed: ParsedSchedule;
  try {
    parsed = parseSchedule(raw, definition.dialect);
  } catch (error) {
    if (error instanceof ScheduleError) return { definition, zone, zoneSource, error: { field: "schedule", message: error.message } };
    throw error;
  }
  if (specZone !== undefined && specZone !== null) {
    if (typeof specZone !== "string" || !isValidTimeZone(specZone)) {
      return { definition, zone, zoneSource, parsed, error: { field: "timeZone", message: `spec.timeZone ${JSON.stringify(specZone)} is not a time zone of the tz database (like Europe/Berlin or UTC)` } };
    }
    if (parsed.prefixTimeZone) {
      return { definition, zone, zoneSource, parsed, error: { field: "schedule", message: "a CRON_TZ= or TZ= prefix in the schedule is not allowed together with spec.timeZone" } };
    }
    zone = specZone;
    zoneSource = "spec.timeZone";
  } else if (parsed.prefixTimeZone) {
    if (!isValidTimeZone(parsed.prefixTimeZone)) {
      return { definition, zone, zoneSource, parsed, error: { field: "schedule", message: `time zone ${parsed.prefixTimeZone} in the schedule is not in the tz database` } };
    }
    zone = parsed.prefixTimeZone;
    zoneSource = "schedule prefix";
  }
  try {
    return { definition, zone, zoneSource, parsed, gap: worstCaseGap(parsed, zone, now) };
  } catch (error) {
    if (error instanceof ScheduleError) return { definition, zone, zoneSource, parsed, error: { field: "schedule", message: `${error.message} (in ${zone})` } };
    throw error;
  }
}

/** "2027-10-31T02:30+02:00": the run before the longest gap, in the schedule's own zone and offset. */
function gapStartText(epochSeconds: number, zone: string): string {
  const offset = zoneOffsetMs(zone, epochSeconds * 1000);
  const wall = new Date(epochSeconds * 1000 + offset).toISOString().slice(0, 16);
  const minutes = Math.round(Math.abs(offset) / 60_000);
  const sign = offset < 0 ? "-" : "+";
  return `${wall}${offset === 0 ? "Z" : `${sign}${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`}`;
}

function schedulePath(definition: BackupDefinition, field: ScheduleField): PathSegment[] {
  switch (field) {
    case "schedule":
      return definition.schedulePath;
    case "timeZone":
      return definition.timeZone?.path ?? definition.schedulePath;
    case "suspend":
      return definition.suspended?.path ?? definition.schedulePath;
    case "name":
    case "label":
    case "retention":
      return ["metadata", "name"];
  }
}

async function collect(context: GateContext, options: BackupsOptions): Promise<CollectedInput> {
  const { workspace, now } = context;
  const catalog = loadCatalog(workspace, options.catalog);
  const defaultZone = options.defaultTimeZone ?? "UTC";
  if (!isValidTimeZone(defaultZone)) throw new ConfigurationError(`backups: defaultTimeZone ${defaultZone} is not a time zone of the tz database`);
  const read = await readObjects(context, options);
  const live = options.cluster ? await readLiveBackupObjects(options.cluster === true ? {} : options.cluster, read.objects, context.logger) : undefined;
  const objects = live ? live.objects : read.objects;
  const files = read.files;
  const bindings = bindingsOf(catalog, options);
  const definitions = findBackupDefinitions(objects, (manifest) => bindings.some((binding) => bindingMatches(binding, manifest)));

  const judged: Judged[] = definitions.map((definition) => {
    const stores = new Set<string>();
    if (definition.labelStore) stores.add(definition.labelStore.name);
    for (const binding of bindings) if (bindingMatches(binding, definition.manifest)) stores.add(binding.store);
    return { ...judgeSchedule(definition, defaultZone, now), stores: [...stores].sort() };
  });

  const evidence = readEvidence(workspace, options.evidence ?? []);
  const records: EvidenceRecord[] = [...evidence.records];
  const problems: EvidenceProblem[] = [...evidence.problems];
  for (const { definition, stores } of judged) {
    const status = definition.lastSuccessful;
    if (!status) continue;
    const finishedAt = epochSeconds(status.value);
    const file = status.location?.file ?? live?.label ?? "(unknown)";
    if (finishedAt === undefined) {
      problems.push({ file, message: `status.lastSuccessfulTime ${status.value} of ${definition.manifest.ref.kind} ${definition.manifest.ref.name} is not an RFC 3339 time`, location: status.location });
      continue;
    }
    for (const store of stores) {
      records.push({
        store,
        status: "succeeded",
        finishedAt,
        startedAt: null,
        backupId: `${definition.manifest.ref.kind}/${definition.manifest.ref.name}`,
        source: "cronjob-status",
        file,
        locate: () => status.location,
      });
    }
  }
  if (live) records.push(...liveBackupEvidence(objects, judged, live.label));

  const storeIndex = new Map(catalog.stores.map((store, id) => [store.name, id]));
  const input = {
    catalog: catalog.file,
    stores: catalog.stores.map((store, id) => storeFacts(store, id)),
    schedules: judged.map((entry, id) => {
      const { definition } = entry;
      const retention = definition.retention;
      const keepLastSeconds = retention.keepLast !== undefined && entry.gap ? retention.keepLast * entry.gap.minGapSeconds : 0;
      const retentionSeconds = retention.seconds === null && keepLastSeconds === 0 ? null : Math.max(retention.seconds ?? 0, keepLastSeconds);
      return {
        id,
        kind: definition.manifest.ref.kind,
        api_version: definition.manifest.apiVersion,
        family: definition.family,
        name: definition.manifest.ref.name,
        namespace: definition.manifest.ref.namespace ?? "",
        stores: entry.stores.filter((name) => storeIndex.has(name)),
        // An unknown store named by a binding is reported once, at the binding.
        unknown_stores: definition.labelStore && !storeIndex.has(definition.labelStore.name) ? [definition.labelStore.name] : [],
        label_store: definition.labelStore?.name ?? null,
        schedule: typeof definition.schedule === "string" ? definition.schedule : null,
        fields: entry.parsed?.fields ?? 0,
        form: entry.parsed?.form ?? null,
        time_zone: entry.zone,
        time_zone_source: entry.zoneSource,
        error: entry.error ?? null,
        max_gap_seconds: entry.gap?.maxGapSeconds ?? null,
        max_gap_after: entry.gap && entry.parsed?.form !== "every" && entry.parsed?.form !== "random" ? gapStartText(entry.gap.gapStart, entry.zone) : null,
        suspended: definition.suspended !== undefined,
        retention_seconds: retention.unlimited ? null : retentionSeconds,
        retention_unlimited: retention.unlimited,
        retention_known: retention.known && (retention.unlimited || retentionSeconds !== null),
        retention_source: retention.source + (retention.keepLast !== undefined && entry.gap ? ` (${retention.keepLast} runs at least ${formatDuration(entry.gap.minGapSeconds)} apart)` : ""),
        retention_error: retention.error ?? null,
      };
    }),
    bindings: bindings.map((binding, id) => ({
      id,
      store: binding.store,
      store_known: storeIndex.has(binding.store),
      kind: binding.kind,
      name: binding.name,
      namespace: binding.namespace ?? "",
      origin: binding.origin,
      matched: definitions.some((definition) => bindingMatches(binding, definition.manifest)),
    })),
    evidence: records.map((record, id) => ({
      id,
      store: record.store,
      status: record.status,
      finished_at: record.finishedAt,
      started_at: record.startedAt,
      backup_id: record.backupId,
      source: record.source,
      file: record.file,
    })),
    evidence_problems: problems.map((problem, id) => ({ id, file: problem.file, message: problem.message })),
  };

  const locate = (finding: PolicyFinding): FindingPlace => {
    const number = (key: string): number | undefined => (typeof finding[key] === "number" ? (finding[key] as number) : undefined);
    const scheduleId = number("schedule");
    if (scheduleId !== undefined) {
      const entry = judged[scheduleId];
      if (!entry) throw new CollectorError(`policy finding ${finding.rule} names unknown schedule ${scheduleId}`);
      const field = (typeof finding.field === "string" ? finding.field : "schedule") as ScheduleField;
      const { definition } = entry;
      const location =
        field === "retention"
          ? definition.retention.location
          : field === "label" && definition.labelStore
            ? definition.labelStore.location
            : definition.manifest.locate(schedulePath(definition, field));
      return { resource: definition.manifest.ref, location };
    }
    const evidenceId = number("evidence");
    if (evidenceId !== undefined) {
      const record = records[evidenceId];
      if (!record) throw new CollectorError(`policy finding ${finding.rule} names unknown evidence ${evidenceId}`);
      const field = (typeof finding.field === "string" ? finding.field : "finishedAt") as "store" | "status" | "finishedAt" | "record";
      const store = catalog.byName.get(record.store);
      return { ...(store ? { resource: { kind: "Store", name: store.name } } : {}), location: record.locate(field) };
    }
    const problemId = number("evidence_problem");
    if (problemId !== undefined) {
      const problem = problems[problemId];
      if (!problem) throw new CollectorError(`policy finding ${finding.rule} names unknown evidence problem ${problemId}`);
      return { location: problem.location };
    }
    const bindingId = number("binding");
    if (bindingId !== undefined) {
      const binding = bindings[bindingId];
      if (!binding) throw new CollectorError(`policy finding ${finding.rule} names unknown binding ${bindingId}`);
      return { resource: { kind: binding.kind, name: binding.name, ...(binding.namespace ? { namespace: binding.namespace } : {}) }, ...(binding.location ? { location: binding.location } : {}) };
    }
    const storeId = number("store");
    const store = storeId !== undefined ? catalog.stores[storeId] : undefined;
    if (!store) throw new CollectorError(`policy finding ${finding.rule} has no locator the backups collector knows`);
    return { resource: { kind: "Store", name: store.name }, location: store.location };
  };

  return {
    input,
    locate,
    ...(read.errors.length > 0 ? { errors: read.errors } : {}),
    stats: {
      files,
      objects: objects.length,
      stores: catalog.stores.length,
      definitions: definitions.length,
      evidenceFiles: evidence.files,
      evidence: records.length,
    },
  };
}

export const backupsGate: Gate<BackupsOptions> = {
  id: "backups",
  summary: "Every stateful store has a backup schedule within its tier's RPO, retention that covers its drill cadence, and a fresh successful backup",
  cliFlags: BACKUPS_FLAGS,
  optionsFromFlags(flags) {
    const options: BackupsOptions = objectSourcesFromFlags(flags);
    const evidence = flagList(flags.evidence);
    if (typeof flags.catalog === "string" && flags.catalog !== "") options.catalog = flags.catalog;
    if (evidence.length) options.evidence = evidence;
    return Object.keys(options).length > 0 ? options : undefined;
  },
  collect,
  fixtureOptions: (file) => fixtureOptionsFor(file),
};

/**
 * A backups fixture is a manifest file; its header may name the catalog (`# catalog: path`) and the
 * evidence (`# evidence: path ...`); the defaults are fixtures/backups/data/catalog.yaml and
 * fixtures/backups/data/evidence.
 */
export function fixtureOptionsFor(file: string): BackupsOptions {
  const text = readHeader(file);
  const catalog = /^# catalog: (\S+)\s*$/m.exec(text)?.[1] ?? "fixtures/backups/data/catalog.yaml";
  const evidenceLine = /^# evidence:(.*)$/m.exec(text)?.[1];
  const evidence = evidenceLine === undefined ? ["fixtures/backups/data/evidence"] : evidenceLine.split(/\s+/).filter(Boolean).filter((entry) => entry !== "none");
  const zone = /^# default-time-zone: (\S+)\s*$/m.exec(text)?.[1];
  return { catalog, manifests: [file], evidence, ...(zone ? { defaultTimeZone: zone } : {}) };
}

function readHeader(file: string): string {
  // Only the leading comment lines are the header.
  const header: string[] = [];
  for (const line of readStandaloneTextFile(file, file).split("\n")) {
    if (!line.startsWith("#")) break;
    header.push(line);
  }
  return header.join("\n");
}
