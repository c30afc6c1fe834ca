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
import { DEFAULT_SLOS, readSlos, type SloDefinition } from "../slo/definitions.js";
import { expand, OBJECTIVE_LABEL, readRuleSources, rulesOf, SLO_LABEL, type RuleFact } from "./alerts.js";
import { checkRules, runObjectiveTests, Scratch, writeObjectiveTest, type AlertTest, type AlertTestResult, type ObjectiveTest } from "./promtool.js";
import { podWorkload, workloadKubernetesFacts, type PodWorkload } from "./kubernetes.js";
import { envoyRoutes, kubernetesRoutes, missingBackend, type ClusterFact } from "./routes.js";
import { parseRunbook, type ParsedRunbook } from "./runbooks.js";
import { readRegistry, registryFacts } from "./switches.js";
import { buildSettings, type BurnRateWindow, type Settings, type TierOptions } from "./settings.js";

export const SERVICE_LABEL = "resilience-gates.io/service";
const WORKLOAD_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet", "Rollout"]);
const HISTORY_MINUTES = 360;

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
  /** Most retries a route may make (default 3). */
  maxRetries?: number;
  /** Container env variables whose values add up to the app's drain time (`_MS` names in milliseconds, others seconds). */
  drainEnv?: string[];
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

function readSloFile(context: GateContext, given: string | undefined, errors: string[]): SloDefinition[] {
  if (given === undefined && !existsSync(resolve(context.workspace.base, DEFAULT_SLOS))) return [];
  try {
    return readSlos(context.workspace, given, "endpoint").slos;
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    errors.push(error.message);
    return [];
  }
}

/** A runbook_url as a repository file and anchor: relative to the repository root, or under runbookBaseUrl. */
function resolveRunbookUrl(context: GateContext, url: string, base: string | undefined): { file: string | null; anchor: string | null; problem: string | null } {
  let rest: string;
  if (base !== undefined && url.startsWith(base)) rest = url.slice(base.length);
  else if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    return { file: null, anchor: null, problem: base === undefined ? "it is an absolute URL and the gate has no runbookBaseUrl to map it into the repository" : `it is not under runbookBaseUrl ${base}` };
  } else rest = url;
  const [path = "", anchor] = rest.replace(/^\/+/, "").split("#", 2);
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return { file: null, anchor: null, problem: `${path} is not a valid URL path` };
  }
  const absolute = resolve(context.workspace.root, decoded);
  const file = displayPath(context.workspace, absolute);
  if (file.startsWith("/")) return { file: null, anchor: null, problem: `${path} leads outside the repository` };
  if (!existsSync(absolute)) return { file, anchor: anchor ?? null, problem: `${file} does not exist` };
  return { file, anchor: anchor ?? null, problem: null };
}

function objectiveOf(alert: RuleFact, slo: SloDefinition): number | null {
  const written = alert.labels[OBJECTIVE_LABEL];
  if (written === undefined) return slo.objectives.length === 1 ? 0 : null;
  const index = slo.objectives.findIndex((objective) => String(objective.index) === written || objective.displayName === written);
  return index >= 0 ? index : null;
}

interface AlertsCollected {
  slos: Record<string, unknown>[];
  alerts: Record<string, unknown>[];
  stats: { ruleSources: number; alerts: number; promtoolTests: number };
}

async function collectAlerts(context: GateContext, options: ReadinessOptions, objects: readonly ManifestObject[], settings: Settings, places: Places, errors: string[]): Promise<AlertsCollected> {
  const slos = readSloFile(context, options.slos, errors);
  const sources = readRuleSources(context.workspace, options.rules ?? [], objects, errors);
  const scratch = sources.length > 0 ? new Scratch() : undefined;
  try {
    const good = [];
    for (const source of sources) {
      const problems = await checkRules(source, scratch as Scratch);
      if (problems) errors.push(...problems);
      else good.push(source);
    }
    const rules = rulesOf(good);
    const records = new Map<string, RuleFact[]>();
    for (const rule of rules) if (rule.kind === "record") records.set(rule.name, [...(records.get(rule.name) ?? []), rule]);
    const alerts = rules.filter((rule) => rule.kind === "alert");
    const expanded = new Map(alerts.map((alert) => [alert, expand(alert, records)]));
    const sloByName = new Map(slos.map((slo) => [slo.name, slo]));

    // promtool tests, per objective, of the alerts that carry the windows of a configured pair.
    // Six hours of healthy traffic before the burn: the page windows see a real history, and the
    // evaluation stays seconds long (the 1d and 3d windows see those six hours only, so their alerts
    // fire sooner than in production; the expected time is an upper bound either way).
    const historyMinutes = HISTORY_MINUTES;
    const results = new Map<RuleFact, AlertTestResult & { withinMinutes: number }>();
    const problems = new Map<RuleFact, string>();
    let promtoolTests = 0;
    const written: (ObjectiveTest & { within: Map<RuleFact, number> })[] = [];
    for (const slo of slos) {
      for (const objective of slo.objectives) {
        const budget = 1 - objective.target;
        const tests: AlertTest[] = [];
        for (const alert of alerts) {
          if (alert.labels[SLO_LABEL] !== slo.name || objectiveOf(alert, slo) !== objective.index) continue;
          const windows = expanded.get(alert)?.windows ?? [];
          const pairs = settings.burn_rates.filter((pair) => windows.includes(pair.long_seconds) && windows.includes(pair.short_seconds));
          if (pairs.length === 0) continue;
          const detect = Math.max(...pairs.map((pair) => Math.ceil((pair.factor * budget * pair.long_seconds) / 60)));
          // A `for:` longer than the pair's short window defeats it (the short window is there to stop the
          // page soon after the burn stops): the expected time allows `for:` up to the short window only.
          const allowedFor = Math.min(...pairs.map((pair) => pair.short_seconds));
          tests.push({ alert, withinMinutes: detect + Math.ceil(Math.min(alert.forSeconds, allowedFor) / 60) + 3 });
        }
        if (tests.length === 0) continue;
        const needed = new Set(tests.flatMap((test) => expanded.get(test.alert)?.records ?? []));
        const forObjective = (rule: RuleFact) =>
          (rule.labels[SLO_LABEL] === undefined || rule.labels[SLO_LABEL] === slo.name) &&
          (rule.labels[OBJECTIVE_LABEL] === undefined || objectiveOf(rule, slo) === objective.index);
        const neededRecords = rules.filter((rule) => rule.kind === "record" && needed.has(rule.name) && forObjective(rule));
        const test = writeObjectiveTest(slo, objective, tests, neededRecords, historyMinutes, scratch as Scratch);
        written.push({ ...test, within: new Map(tests.map((entry) => [entry.alert, entry.withinMinutes])) });
        promtoolTests += tests.length * 2;
        if (test.problem) for (const entry of tests) problems.set(entry.alert, test.problem);
      }
    }
    if (written.some((test) => test.file)) {
      context.logger.info(`promtool test rules: ${promtoolTests} generated cases for ${written.length} SLO objectives`);
      const outcomes = await runObjectiveTests(written);
      for (const test of written) {
        for (const [alert, within] of test.within) {
          const outcome = outcomes.get(alert);
          if (outcome) results.set(alert, { ...outcome, withinMinutes: within });
        }
      }
    }

    const sloFacts = slos.map((slo) => ({
      name: slo.name,
      service: slo.service,
      place: places.at(slo.locate(["metadata", "name"]), { kind: "SLO", name: slo.name }),
      objectives: slo.objectives.map((objective) => ({
        index: objective.index,
        name: objective.displayName,
        target: objective.target,
        place: places.at(slo.locate(["spec", "objectives", objective.index]), { kind: "SLO", name: slo.name }),
      })),
    }));
    const alertFacts = alerts.map((alert, id) => {
      const url = alert.annotations.runbook_url;
      const sloName = alert.labels[SLO_LABEL] ?? null;
      const slo = sloName === null ? undefined : sloByName.get(sloName);
      const result = results.get(alert);
      const resource = { kind: "PrometheusRule", name: alert.name };
      return {
        id,
        name: alert.name,
        group: alert.group,
        file: alert.source.file,
        slo: sloName,
        objective: slo ? objectiveOf(alert, slo) : null,
        objective_label: alert.labels[OBJECTIVE_LABEL] ?? null,
        severity: alert.labels.severity ?? null,
        windows: expanded.get(alert)?.windows ?? [],
        numbers: expanded.get(alert)?.numbers ?? [],
        for_seconds: alert.forSeconds,
        runbook_url: url ?? null,
        runbook: url === undefined ? null : resolveRunbookUrl(context, url, options.runbookBaseUrl),
        place: places.at(alert.locate(["alert"]), resource),
        runbook_place: places.at(alert.locate(url === undefined ? ["annotations"] : ["annotations", "runbook_url"]), resource),
        test: result
          ? { tested: true, problem: null, within_seconds: result.withinMinutes * 60, burn_passed: result.burnPassed, healthy_passed: result.healthyPassed, burn_message: result.burnMessage, healthy_message: result.healthyMessage }
          : { tested: problems.has(alert), problem: problems.get(alert) ?? null, within_seconds: 0, burn_passed: false, healthy_passed: false, burn_message: null, healthy_message: null },
      };
    });
    return { slos: sloFacts, alerts: alertFacts, stats: { ruleSources: sources.length, alerts: alerts.length, promtoolTests } };
  } finally {
    scratch?.dispose();
  }
}

function labelsOf(manifest: ManifestObject): Record<string, unknown> {
  const labels = getPath(manifest.object, ["metadata", "labels"]);
  return isRecord(labels) ? labels : {};
}

function workloadFacts(catalog: Catalog, objects: readonly ManifestObject[], places: Places, drainEnv: readonly string[]) {
  const owners = new Map<string, { service?: string; store?: string }>();
  for (const service of catalog.services) for (const name of service.workloads) owners.set(name, { service: service.name });
  for (const store of catalog.stores) for (const name of store.workloads) owners.set(name, { store: store.name });
  const pods = objects.filter((manifest) => WORKLOAD_KINDS.has(manifest.ref.kind)).flatMap((manifest) => podWorkload(manifest) ?? []);
  const at = (location: SourceLocation | undefined, resource?: FindingPlace["resource"]) => places.at(location, resource);
  const workloads = pods
    .map((pod, id) => {
      const manifest = pod.manifest;
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
        labels: pod.labels,
        ...workloadKubernetesFacts(pod, objects, pods, drainEnv, at),
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
  return { workloads, catalogWorkloads, pods };
}

/** The catalog services behind a Kubernetes Service name: the services of the workloads its selector picks. */
function servicesBehind(name: string, objects: readonly ManifestObject[], pods: readonly PodWorkload[], owner: (pod: PodWorkload) => string | null): string[] | undefined {
  const object = objects.find((candidate) => candidate.ref.kind === "Service" && candidate.apiVersion === "v1" && candidate.ref.name === name);
  if (!object) return undefined;
  const selector = getPath(object.object, ["spec", "selector"]);
  if (!isRecord(selector)) return [];
  const picked = pods.filter((pod) => Object.entries(selector).every(([key, value]) => pod.labels[key] === value));
  return [...new Set(picked.map(owner).filter((service): service is string => service !== null))].sort();
}

function routeFacts(context: GateContext, options: ReadinessOptions, catalog: Catalog, objects: readonly ManifestObject[], pods: readonly PodWorkload[], owner: (pod: PodWorkload) => string | null, places: Places, errors: string[]) {
  const envoy = envoyRoutes(context.workspace, options.envoy ?? [], errors);
  const routes = [...kubernetesRoutes(objects), ...envoy.routes];
  const serviceNames = new Set(catalog.services.map((service) => service.name));
  const clusterServices = (cluster: ClusterFact): string[] => {
    const host = cluster.address?.split(".")[0];
    const behind = host === undefined ? undefined : servicesBehind(host, objects, pods, owner);
    if (behind !== undefined) return behind;
    return serviceNames.has(cluster.name) ? [cluster.name] : host !== undefined && serviceNames.has(host) ? [host] : [];
  };
  const routeList = routes.map((route, id) => {
    const services = new Set<string>();
    for (const backend of route.backends) {
      if (route.kind === "Envoy") {
        const cluster = envoy.clusters.find((candidate) => candidate.name === backend && candidate.file === route.file);
        if (!cluster) errors.push(missingBackend(route, `cluster ${backend}`, `not a cluster of ${route.file}`));
        else for (const service of clusterServices(cluster)) services.add(service);
        continue;
      }
      const behind = servicesBehind(backend, objects, pods, owner);
      if (behind === undefined) errors.push(missingBackend(route, `Service ${backend}`, "not among the objects read"));
      else for (const service of behind) services.add(service);
    }
    const resource = { kind: route.kind === "Envoy" ? "EnvoyRoute" : route.kind, name: route.name };
    return {
      id,
      kind: route.kind,
      name: route.name,
      file: route.file,
      rule: route.rule,
      services: [...services].sort(),
      methods: route.methods,
      required_headers: route.required_headers,
      timeout_seconds: route.timeout_seconds,
      timeout_disabled: route.timeout_disabled,
      retry: route.retry,
      place: places.at(route.at.rule, resource),
      timeout_place: places.at(route.at.timeout ?? route.at.rule, resource),
      retry_place: places.at(route.at.retry ?? route.at.rule, resource),
    };
  });
  const clusters = envoy.clusters.map((cluster) => ({
    name: cluster.name,
    file: cluster.file,
    services: clusterServices(cluster),
    outlier_detection: cluster.outlier_detection,
    place: places.at(cluster.at, { kind: "EnvoyCluster", name: cluster.name }),
  }));
  return { routes: routeList, clusters, envoyFiles: envoy.files };
}

async function collect(context: GateContext, options: ReadinessOptions): Promise<CollectedInput> {
  const catalog = loadCatalog(context.workspace, options.catalog);
  const places = new Places();
  const errors: string[] = [];
  const settings = buildSettings(options.tiers, options.burnRates, options.idempotencyHeader, options.maxRetries);
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
  const { workloads, catalogWorkloads, pods } = workloadFacts(catalog, objects, places, options.drainEnv ?? []);
  const ownerOf = new Map(pods.map((pod, index) => [pod, workloads[index]?.service ?? null]));
  const routes = routeFacts(context, options, catalog, objects, pods, (pod) => ownerOf.get(pod) ?? null, places, errors);
  const alerts = await collectAlerts(context, options, objects, settings, places, errors);
  const registry = readRegistry(context.workspace, options.killSwitches, errors);

  const input = {
    catalog: catalog.file,
    settings,
    services,
    stores: catalog.stores.map((store) => ({ name: store.name, service: store.service, tier: store.tier })),
    runbooks,
    workloads,
    catalog_workloads: catalogWorkloads,
    slos: alerts.slos,
    alerts: alerts.alerts,
    routes: routes.routes,
    clusters: routes.clusters,
    ...registryFacts(registry, (location, resource) => places.at(location, resource)),
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
    stats: { services: services.length, runbooks: runbooks.length, files: read.files, objects: objects.length, workloads: workloads.length, routes: routes.routes.length, envoyFiles: routes.envoyFiles, ...alerts.stats },
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
 * `# manifests: a.yaml b.yaml`, `# rules: ...` (`none` for none), `# slo: ...`, `# envoy: ...`,
 * `# kill-switches: ...`. The SLOs and rules default to those of fixtures/readiness/data/, and
 * runbook_urls are read under https://git.example/shop/blob/main/.
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
  const data = "fixtures/readiness/data";
  const none = (values: string[] | undefined, fallback: string[]): string[] => (values === undefined ? fallback : values.filter((value) => value !== "none"));
  const slos = one("slo") ?? `${data}/slos.yaml`;
  const options: ReadinessOptions = {
    catalog: file,
    manifests: none(list("manifests"), []),
    ...(slos === "none" ? {} : { slos }),
    rules: none(list("rules"), [`${data}/rules.yaml`]),
    runbookBaseUrl: "https://git.example/shop/blob/main/",
    drainEnv: ["DRAIN_SECONDS"],
  };
  const envoy = list("envoy");
  const switches = one("kill-switches");
  if (envoy) options.envoy = envoy;
  if (switches) options.killSwitches = switches;
  return options;
}
