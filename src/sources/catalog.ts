import { existsSync } from "node:fs";
import { validate } from "../config/schemas.js";
import { ConfigurationError } from "../engine/errors.js";
import type { SourceLocation } from "../engine/types.js";
import { parseCatalogDuration } from "./duration.js";
import { displayPath, resolveInside, type Workspace } from "./files.js";
import { isRecord } from "./kubernetes.js";
import { readYamlFile, type PathSegment, type YamlDocument } from "./yaml.js";

export const DEFAULT_CATALOG = ".resilience/catalog.yaml";

export type Tier = 0 | 1 | 2 | 3;
export type StoreEngine = "postgres" | "redis" | "object-storage" | "other";

/** The resilience program's tier table (DESIGN.md, "Tiers"), in seconds. */
export const TIER_DEFAULTS: Readonly<Record<Tier, { rpo: number; rto: number; drillEvery: number }>> = {
  0: { rpo: 5 * 60, rto: 15 * 60, drillEvery: 90 * 86_400 },
  1: { rpo: 30 * 60, rto: 60 * 60, drillEvery: 90 * 86_400 },
  2: { rpo: 4 * 3600, rto: 8 * 3600, drillEvery: 30 * 86_400 },
  3: { rpo: 24 * 3600, rto: 24 * 3600, drillEvery: 182 * 86_400 },
};

/** Stores of these tiers must have a backup; tier 3 backups are optional. */
export const BACKUP_REQUIRED_MAX_TIER = 2;

export interface BackupRef {
  kind: string;
  name: string;
  namespace?: string;
}

export interface CatalogStore {
  name: string;
  service: string;
  owner: string;
  engine: StoreEngine;
  tier: Tier;
  /** Seconds, from the store's override or its tier. */
  rpo: number;
  rto: number;
  drillEvery: number;
  /** Which of rpo, rto, drillEvery the store set itself (the others come from the tier). */
  overrides: ("rpo" | "rto" | "drillEvery")[];
  backups: BackupRef[];
  /** Names of the workloads that run it (`workloads:`). */
  workloads: string[];
  /** Where the store is written: its `name:` key in the catalog. */
  location: SourceLocation;
  /** Where one of its fields is written (the deepest existing node of the path, below the store). */
  locate(path: readonly PathSegment[]): SourceLocation;
}

export interface CatalogService {
  name: string;
  owner: string;
  tier: Tier;
  /** What the service calls (`dependencies:`), in the order written. */
  dependencies: string[];
  /** Readiness facts: on-call rotation, escalation contact, DRI (undefined when not written). */
  onCall?: string;
  escalation?: string;
  dri?: string;
  /** Runbook paths as written (relative to the catalog's directory). */
  runbooks: string[];
  /** Names of the workloads that run it (`workloads:`). */
  workloads: string[];
  /** Its `name:` key in the catalog. */
  location: SourceLocation;
  locate(path: readonly PathSegment[]): SourceLocation;
}

export interface Catalog {
  file: string;
  services: CatalogService[];
  stores: CatalogStore[];
  byName: ReadonlyMap<string, CatalogStore>;
}

interface RawStore {
  name: string;
  engine: StoreEngine;
  tier?: Tier;
  owner?: string;
  rpo?: string;
  rto?: string;
  drillEvery?: string;
  backups?: BackupRef[];
  workloads?: string[];
}

interface RawService {
  name: string;
  owner: string;
  tier: Tier;
  onCall?: string;
  escalation?: string;
  dri?: string;
  runbooks?: string[];
  workloads?: string[];
  dependencies?: string[];
  stores?: RawStore[];
}

/**
 * Reads and validates `.resilience/catalog.yaml` (schemas/catalog.schema.json). Every problem is a
 * ConfigurationError at the line of the offending key; store names must be unique across services.
 */
export function loadCatalog(workspace: Workspace, path: string | undefined): Catalog {
  const given = path ?? DEFAULT_CATALOG;
  const file = resolveInside(workspace, given, "catalog");
  const shown = displayPath(workspace, file);
  if (!existsSync(file)) {
    throw new ConfigurationError(
      `catalog ${given} does not exist; write one (services with owner and tier, and their stores) or point --catalog at it`,
    );
  }
  const documents = readYamlFile(workspace, file, shown).filter((document) => document.value !== null && document.value !== undefined);
  if (documents.length !== 1) throw new ConfigurationError(`expected one YAML document in the catalog, found ${documents.length}`, { file: shown, line: 1 });
  const document = documents[0] as YamlDocument;
  const at = (path: readonly PathSegment[]): SourceLocation => {
    const position = document.locate(path);
    return { file: shown, line: position.line, column: position.column };
  };
  if (!isRecord(document.value)) throw new ConfigurationError("the catalog must be a mapping with a `services:` list", at([]));
  const problems = validate("catalog", document.value);
  if (problems.length > 0) {
    const [first] = problems;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
    throw new ConfigurationError(`catalog: ${first?.message ?? "invalid"}${more}`, at(first?.path ?? []));
  }
  const services = document.value.services as RawService[];
  const stores: CatalogStore[] = [];
  const byName = new Map<string, CatalogStore>();
  services.forEach((service, s) => {
    (service.stores ?? []).forEach((raw, i) => {
      const base: PathSegment[] = ["services", s, "stores", i];
      const previous = byName.get(raw.name);
      if (previous) {
        throw new ConfigurationError(
          `store name ${raw.name} is used twice (also at line ${previous.location.line}); store names must be unique across the catalog`,
          at([...base, "name"]),
        );
      }
      const tier = raw.tier ?? service.tier;
      const defaults = TIER_DEFAULTS[tier];
      const overrides: CatalogStore["overrides"] = [];
      const seconds = (key: "rpo" | "rto" | "drillEvery"): number => {
        const text = raw[key];
        if (text === undefined) return defaults[key];
        const value = parseCatalogDuration(text);
        if (value === undefined || value <= 0) throw new ConfigurationError(`${key} ${text} is not a positive duration like 15m, 4h or 90d`, at([...base, key]));
        overrides.push(key);
        return value;
      };
      const store: CatalogStore = {
        name: raw.name,
        service: service.name,
        owner: raw.owner ?? service.owner,
        engine: raw.engine,
        tier,
        rpo: seconds("rpo"),
        rto: seconds("rto"),
        drillEvery: seconds("drillEvery"),
        overrides,
        backups: raw.backups ?? [],
        workloads: raw.workloads ?? [],
        location: at([...base, "name"]),
        locate: (path) => at([...base, ...path]),
      };
      stores.push(store);
      byName.set(store.name, store);
    });
  });
  const serviceList = services.map((service, s): CatalogService => ({
    name: service.name,
    owner: service.owner,
    tier: service.tier,
    dependencies: service.dependencies ?? [],
    ...(service.onCall !== undefined ? { onCall: service.onCall } : {}),
    ...(service.escalation !== undefined ? { escalation: service.escalation } : {}),
    ...(service.dri !== undefined ? { dri: service.dri } : {}),
    runbooks: service.runbooks ?? [],
    workloads: service.workloads ?? [],
    location: at(["services", s, "name"]),
    locate: (path) => at(["services", s, ...path]),
  }));
  return { file: shown, services: serviceList, stores, byName };
}

/** The facts about a store that both evidence gates give their policies. */
export function storeFacts(store: CatalogStore, id: number): Record<string, unknown> {
  return {
    id,
    name: store.name,
    service: store.service,
    owner: store.owner,
    engine: store.engine,
    tier: store.tier,
    rpo_seconds: store.rpo,
    rto_seconds: store.rto,
    drill_every_seconds: store.drillEvery,
    overrides: [...store.overrides].sort(),
  };
}
