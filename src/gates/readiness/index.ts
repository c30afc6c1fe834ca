import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { CollectorError, ConfigurationError, describeThrown, formatLocation } from "../../engine/errors.js";
import type { CollectedInput, FindingPlace, Gate, GateContext } from "../../engine/gate.js";
import type { PolicyFinding, SourceLocation } from "../../engine/types.js";
import { loadCatalog, type Catalog, type CatalogService } from "../../sources/catalog.js";
import { displayPath, readStandaloneTextFile, resolveInside } from "../../sources/files.js";
import type { ChartSource } from "../../sources/helm.js";
import { getPath, isRecord, type ManifestObject } from "../../sources/kubernetes.js";
import { readManifestSources } from "../../sources/manifests.js";
import { flagList, objectSourcesFromFlags } from "../flag-values.js";
import { READINESS_FLAGS } from "./flags.js";
import { parseRunbook, type ParsedRunbook } from "./runbooks.js";
import { buildSettings, type BurnRateWindow, type TierOptions } from "./settings.js";

export const SERVICE_LABEL = "resilience-gates.io/service";
const WORKLOAD_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet", "Rollout"]);

export interface ReadinessOptions {
  catalog?: string;
  /** The slo gate's file: the objectives the burn-rate alerts must match. */
  slos?: string;
  /** Prometheus rule files (globs); PrometheusRule objects are read from the manifests too. */
  rules?: string[];
  /** Envoy configuration files (bootstrap or route configuration) with routes and clusters. */
  envoy?: string[];
  /** The kill-switch and feature-flag registry (default .resilience/kill-switches.yaml). */
  killSwitches?: string;
  manifests?: string[];
  charts?: ChartSource[];
  kustomize?: string[];
  allowEmptyGlobs?: boolean;
  /** Per-tier demands, by tier number ("0" to "3"). */
  tiers?: Record<string, TierOptions>;
  burnRates?: BurnRateWindow[];
  /** The URL prefix that stands for the repository root in `runbook_url` annotations. */
  runbookBaseUrl?: string;
  /** The request header that makes a retried non-idempotent request safe (default Idempotency-Key). */
  idempotencyHeader?: string;
}

/** Where findings point: every fact in the input carries a `place`, an index into this list. */
class Places {
  readonly list: FindingPlace[] = [];
  add(place: FindingPlace): number {
    this.list.push(place);
    return this.list.length - 1;
  }
  at(location: SourceLocation | undefined, resource?: FindingPlace["resource"]): number {
    return this.add({ ...(location ? { location } : {}), ...(resource ? { resource } : {}) });
  }
}

interface RunbookRead {
  parsed?: ParsedRunbook;
  /** Why it could not be read (it does not exist, it is a directory). */
  missing?: string;
  /** Places inside the file, shared by every service that lists it (a broken link is one finding). */
  titlePlace?: number;
  reviewedPlace?: number;
  linkPlaces?: number[];
}

function serviceResource(service: CatalogService): FindingPlace["resource"] {
  return { kind: "Service", name: service.name };
}

function readRunbooks(context: GateContext, catalog: Catalog, places: Places, errors: string[]) {
  const cache = new Map<string, RunbookRead>();
  // Runbook paths are relative to the catalog's directory, however the gate was invoked.
  const catalogDirectory = dirname(resolve(context.workspace.root, catalog.file));
  const runbooks: Record<string, unknown>[] = [];
  catalog.services.forEach((service) => {
    service.runbooks.forEach((path, index) => {
      const entry = service.locate(["runbooks", index]);
      let absolute: string;
      try {
        absolute = resolveInside({ ...context.workspace, base: catalogDirectory }, path, "runbook");
      } catch (error) {
        errors.push(`${formatLocation(entry)}: ${describeThrown(error)}`);
        return;
      }
      let read = cache.get(absolute);
      if (!read) {
        if (!existsSync(absolute)) read = { missing: `${displayPath(context.workspace, absolute)} does not exist` };
        else if (!statSync(absolute).isFile()) read = { missing: `${displayPath(context.workspace, absolute)} is not a file` };
        else {
          try {
            read = { parsed: parseRunbook(context.workspace, absolute) };
          } catch (error) {
            if (!(error instanceof ConfigurationError)) throw error;
            errors.push(`${formatLocation(entry)}: runbook ${path}: ${error.message}`);
            return;
          }
        }
        cache.set(absolute, read);
      }
      const resource = serviceResource(service);
      const parsed = read.parsed;
      const file = parsed?.file ?? path;
      if (parsed && read.titlePlace === undefined) {
        read.titlePlace = places.at({ file, line: parsed.headings[0]?.line ?? 1, column: 1 });
        if (parsed.reviewed) read.reviewedPlace = places.at({ file, line: parsed.reviewed.line, column: parsed.reviewed.column });
        read.linkPlaces = parsed.links.map((link) => places.at({ file, line: link.line, column: link.column }));
      }
      runbooks.push({
        id: runbooks.length,
        service: service.name,
        tier: service.tier,
        path,
        file,
        exists: parsed !== undefined,
        missing: read.missing ?? null,
        place: places.at(entry, resource),
        headings: (parsed?.headings ?? []).map((heading) => heading.text),
        slugs: (parsed?.headings ?? []).map((heading) => heading.slug),
        title_place: read.titlePlace ?? places.at({ file, line: 1, column: 1 }),
        reviewed: parsed?.reviewed ? { date: parsed.reviewed.text, epoch: parsed.reviewed.epoch, place: read.reviewedPlace ?? 0 } : null,
        links: (parsed?.links ?? []).map((link, index) => ({ target: link.target, problem: link.problem, place: read.linkPlaces?.[index] ?? 0 })),
      });
    });
  });
  return runbooks;
}

function labelsOf(manifest: ManifestObject): Record<string, unknown> {
  const labels = getPath(manifest.object, ["metadata", "labels"]);
  return isRecord(labels) ? labels : {};
}

function workloadFacts(catalog: Catalog, objects: readonly ManifestObject[], places: Places) {
  const owners = new Map<string, { service?: string; store?: string }>();
  for (const service of catalog.services) for (const name of service.workloads) owners.set(name, { service: service.name });
  for (const store of catalog.stores) for (const name of store.workloads) owners.set(name, { store: store.name });
  const workloads = objects
    .filter((manifest) => WORKLOAD_KINDS.has(manifest.ref.kind))
    .map((manifest, id) => {
      const label = labelsOf(manifest)[SERVICE_LABEL];
      const owner = owners.get(manifest.ref.name);
      const labelService = typeof label === "string" && label !== "" ? label : null;
      return {
        id,
        kind: manifest.ref.kind,
        name: manifest.ref.name,
        namespace: manifest.ref.namespace ?? "",
        service: owner?.service ?? labelService,
        store: owner?.store ?? null,
        label_service: labelService,
        place: places.at(manifest.locate(["metadata", "name"]), manifest.ref),
        label_place: places.at(manifest.locate(["metadata", "labels", SERVICE_LABEL]), manifest.ref),
      };
    });
  const named = new Set(workloads.map((workload) => workload.name));
  const catalogWorkloads: Record<string, unknown>[] = [];
  catalog.services.forEach((service) =>
    service.workloads.forEach((name, index) =>
      catalogWorkloads.push({ service: service.name, store: null, name, matched: named.has(name), place: places.at(service.locate(["workloads", index]), serviceResource(service)) }),
    ),
  );
  catalog.stores.forEach((store) =>
    store.workloads.forEach((name, index) =>
      catalogWorkloads.push({ service: store.service, store: store.name, name, matched: named.has(name), place: places.at(store.locate(["workloads", index]), { kind: "Store", name: store.name }) }),
    ),
  );
  return { workloads, catalogWorkloads };
}

async function collect(context: GateContext, options: ReadinessOptions): Promise<CollectedInput> {
  const catalog = loadCatalog(context.workspace, options.catalog);
  const places = new Places();
  const errors: string[] = [];
  const settings = buildSettings(options.tiers, options.burnRates, options.idempotencyHeader);
  const read = await readManifestSources(context.workspace, options, context.logger);
  const objects = read.objects;

  const services = catalog.services.map((service, id) => ({
    id,
    name: service.name,
    owner: service.owner,
    tier: service.tier,
    on_call: service.onCall ?? null,
    escalation: service.escalation ?? null,
    dri: service.dri ?? null,
    dependencies: service.dependencies,
    runbooks: service.runbooks,
    place: places.at(service.location, serviceResource(service)),
  }));
  const runbooks = readRunbooks(context, catalog, places, errors);
  const { workloads, catalogWorkloads } = workloadFacts(catalog, objects, places);

  const input = {
    catalog: catalog.file,
    settings,
    services,
    stores: catalog.stores.map((store) => ({ name: store.name, service: store.service, tier: store.tier })),
    runbooks,
    workloads,
    catalog_workloads: catalogWorkloads,
  };
  const locate = (finding: PolicyFinding): FindingPlace => {
    const place = typeof finding.place === "number" ? places.list[finding.place] : undefined;
    if (!place) throw new CollectorError(`policy finding ${finding.rule} has no place the readiness collector knows`);
    return place;
  };
  return {
    input,
    locate,
    errors,
    stats: { services: services.length, runbooks: runbooks.length, files: read.files, objects: objects.length, workloads: workloads.length },
  };
}

export const readinessGate: Gate<ReadinessOptions> = {
  id: "readiness",
  summary: "Every service has an owner and on-call, runbooks, burn-rate alerts proven to fire, bounded route timeouts and retries, PDB/HPA/NetworkPolicy, probes, and tested kill switches",
  cliFlags: READINESS_FLAGS,
  optionsFromFlags(flags) {
    const options: ReadinessOptions = objectSourcesFromFlags(flags);
    if (typeof flags.catalog === "string" && flags.catalog !== "") options.catalog = flags.catalog;
    if (typeof flags.slo === "string" && flags.slo !== "") options.slos = flags.slo;
    if (typeof flags["kill-switches"] === "string" && flags["kill-switches"] !== "") options.killSwitches = flags["kill-switches"];
    const rules = flagList(flags.rules);
    const envoy = flagList(flags.envoy);
    if (rules.length) options.rules = rules;
    if (envoy.length) options.envoy = envoy;
    return Object.keys(options).length > 0 ? options : undefined;
  },
  collect,
  fixtureOptions: (file) => fixtureOptionsFor(file),
};

/**
 * A readiness fixture is a catalog; its header names the other inputs, each relative to the repository:
 * `# manifests: a.yaml b.yaml`, `# rules: ...`, `# slo: ...`, `# envoy: ...`, `# kill-switches: ...`.
 */
export function fixtureOptionsFor(file: string): ReadinessOptions {
  const header: string[] = [];
  for (const line of readStandaloneTextFile(file, file).split("\n")) {
    if (!line.startsWith("#")) break;
    header.push(line);
  }
  const text = header.join("\n");
  const list = (key: string): string[] | undefined => {
    const value = new RegExp(`^# ${key}:(.*)$`, "m").exec(text)?.[1];
    return value === undefined ? undefined : value.split(/\s+/).filter(Boolean);
  };
  const one = (key: string): string | undefined => list(key)?.[0];
  const options: ReadinessOptions = { catalog: file, manifests: list("manifests") ?? [] };
  const rules = list("rules");
  const envoy = list("envoy");
  const slos = one("slo");
  const switches = one("kill-switches");
  if (rules) options.rules = rules;
  if (envoy) options.envoy = envoy;
  if (slos) options.slos = slos;
  if (switches) options.killSwitches = switches;
  return options;
}
