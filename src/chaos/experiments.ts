/**
 * `.resilience/chaos.yaml` (schemas/chaos.schema.json): loaded, validated, `${NAME:-default}` expanded,
 * and cross-checked against the catalog and the SLO file, every problem at its file and line.
 */
import { existsSync } from "node:fs";
import { readValidatedDocument } from "../config/load.js";
import { ConfigurationError } from "../engine/errors.js";
import type { SourceLocation } from "../engine/types.js";
import { loadCatalog, type Catalog } from "../sources/catalog.js";
import { parseGoDuration } from "../sources/duration.js";
import { displayPath, resolveInside, type Workspace } from "../sources/files.js";
import { isRecord } from "../sources/kubernetes.js";
import type { PathSegment } from "../sources/yaml.js";
import { readSlos, type SloDefinition } from "../gates/slo/definitions.js";

export const DEFAULT_CHAOS_FILE = ".resilience/chaos.yaml";

export type FaultKind = "stop-process" | "pause-process" | "kill-process" | "fault-switch" | "delete-pod" | "scale-to-zero" | "cut-network";
export const LOCAL_FAULTS: readonly FaultKind[] = ["stop-process", "pause-process", "kill-process", "fault-switch"];

export interface Fault {
  kind: FaultKind;
  process?: string;
  switch?: string;
  failMode?: string;
  slowMode?: string;
  selector?: string;
  count?: number;
  workload?: string;
  to?: string;
  namespace?: string;
}

export interface PromQuery {
  url: string;
  query: string;
  max?: number;
  min?: number;
}

export interface Expectation {
  description: string;
  endpoint?: { name: string; status?: number; minShare?: number; maxErrorRate?: number; maxP99?: string };
  metric?: { urls: string[]; counter: string; minIncrease?: number };
  prometheus?: PromQuery;
  recoveryWithin?: string;
}

export interface Experiment {
  name: string;
  service: string;
  dependency?: string;
  podLoss?: boolean;
  target: "local" | "kubernetes";
  fault: Fault;
  steadyState?: { slos?: string[]; during?: boolean; prometheus?: PromQuery[] };
  abort?: { errorRate?: number; p95?: string };
  expect?: Expectation[];
  /** Where it is written (its `name:`), and where any of its fields is. */
  location: SourceLocation;
  locate(path: readonly PathSegment[]): SourceLocation;
}

export interface LocalProcess {
  pidFile: string;
  stopSignal?: "SIGTERM" | "SIGINT" | "SIGQUIT";
  restart?: string[];
  ready?: string;
}

export interface FaultSwitch {
  url: string;
  tokenFile?: string;
  tokenEnv?: string;
}

export interface ChaosConfig {
  file: string;
  workspace: Workspace;
  load: {
    script: string;
    target: string;
    targetEnv?: string;
    durationEnv?: string;
    tag?: string;
    env?: Record<string, string>;
    args?: string[];
    k6?: string;
    timeout?: string;
  };
  phases: { before: number; during: number; after: number };
  phaseText: { before: string; during: string; after: string };
  recovery: { probes: string[]; timeoutSeconds: number };
  versions: Record<string, string>;
  blastRadius: { processes: string[]; namespaces: string[]; maxPods: number; maxPercent: number };
  local: { processes: Record<string, LocalProcess>; switches: Record<string, FaultSwitch> };
  kubernetes: { context?: string; namespace?: string };
  catalog: Catalog;
  slos: { file: string; slos: SloDefinition[] };
  experiments: Experiment[];
}

const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/** Replaces `${NAME}` and `${NAME:-default}` in every string of a value; an unset NAME without default is an error at its line. */
export function expandEnvironment(value: unknown, env: NodeJS.ProcessEnv, at: (path: readonly PathSegment[]) => SourceLocation, path: PathSegment[] = []): unknown {
  if (typeof value === "string") {
    return value.replace(VARIABLE, (_match, name: string, fallback: string | undefined) => {
      const found = env[name];
      if (found !== undefined && found !== "") return found;
      if (fallback !== undefined) return fallback;
      throw new ConfigurationError(`\${${name}} is not set and has no default; set ${name} or write \${${name}:-default}`, at(path));
    });
  }
  if (Array.isArray(value)) return value.map((item, index) => expandEnvironment(item, env, at, [...path, index]));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, expandEnvironment(item, env, at, [...path, key])]));
  return value;
}

function seconds(text: string | undefined, fallback: string, where: SourceLocation): { value: number; text: string } {
  const chosen = text ?? fallback;
  const value = parseGoDuration(chosen);
  if (value === undefined || value <= 0) throw new ConfigurationError(`${chosen} is not a positive duration like 10s or 1m`, where);
  return { value, text: chosen };
}

/** Loads and checks the chaos file; `env` is the environment `${...}` reads (process.env). */
export function loadChaosConfig(workspace: Workspace, path: string | undefined, env: NodeJS.ProcessEnv = process.env): ChaosConfig {
  const given = path ?? DEFAULT_CHAOS_FILE;
  const absolute = resolveInside(workspace, given, "chaos file");
  const shown = displayPath(workspace, absolute);
  if (!existsSync(absolute)) throw new ConfigurationError(`chaos file ${given} does not exist; write one (see docs/chaos.md) or point --chaos at it`);
  const document = readValidatedDocument(workspace, absolute, shown, "chaos");
  const at = (segments: readonly PathSegment[]): SourceLocation => ({ file: shown, ...document.locate(segments) });
  const raw = expandEnvironment(document.value, env, at) as Record<string, unknown> & {
    slos?: string;
    catalog?: string;
    load: ChaosConfig["load"];
    phases?: { before?: string; during?: string; after?: string };
    recovery?: { probes?: string[]; timeout?: string };
    versions?: Record<string, string>;
    blastRadius?: { processes?: string[]; namespaces?: string[]; maxPods?: number; maxPercent?: number };
    local?: { processes?: Record<string, LocalProcess>; switches?: Record<string, FaultSwitch> };
    kubernetes?: ChaosConfig["kubernetes"];
    experiments: Omit<Experiment, "location" | "locate">[];
  };
  const catalog = loadCatalog(workspace, raw.catalog);
  const slos = readSlos(workspace, raw.slos, raw.load.tag ?? "endpoint");
  const before = seconds(raw.phases?.before, "5s", at(["phases", "before"]));
  const during = seconds(raw.phases?.during, "10s", at(["phases", "during"]));
  const after = seconds(raw.phases?.after, "5s", at(["phases", "after"]));
  const local = { processes: raw.local?.processes ?? {}, switches: raw.local?.switches ?? {} };
  const blastRadius = {
    processes: raw.blastRadius?.processes ?? [],
    namespaces: raw.blastRadius?.namespaces ?? [],
    maxPods: raw.blastRadius?.maxPods ?? 1,
    maxPercent: raw.blastRadius?.maxPercent ?? 50,
  };
  const services = new Map(catalog.services.map((service) => [service.name, service]));
  const sloNames = new Set(slos.slos.map((slo) => slo.name));
  const names = new Map<string, number>();
  const experiments = raw.experiments.map((experiment, index): Experiment => {
    const base: PathSegment[] = ["experiments", index];
    const where = (segments: readonly PathSegment[]) => at([...base, ...segments]);
    const previous = names.get(experiment.name);
    if (previous !== undefined) throw new ConfigurationError(`experiment ${experiment.name} is defined twice (also at line ${previous}); names must be unique`, where(["name"]));
    names.set(experiment.name, where(["name"]).line);
    const service = services.get(experiment.service);
    if (!service) throw new ConfigurationError(`service ${experiment.service} is not in the catalog ${catalog.file} (it has ${[...services.keys()].join(", ") || "none"})`, where(["service"]));
    if (experiment.dependency !== undefined && !service.dependencies.includes(experiment.dependency)) {
      throw new ConfigurationError(
        `${experiment.dependency} is not a declared dependency of ${service.name} (${catalog.file} line ${service.location.line} lists ${service.dependencies.join(", ") || "none"}); add it to the service's dependencies: or fix the name`,
        where(["dependency"]),
      );
    }
    if ((experiment.dependency === undefined) === (experiment.podLoss !== true)) {
      throw new ConfigurationError(`experiment ${experiment.name} needs exactly one of \`dependency: NAME\` (the fault hits a dependency) and \`podLoss: true\` (it kills a replica of ${service.name})`, where([]));
    }
    const { fault } = experiment;
    const localFault = LOCAL_FAULTS.includes(fault.kind);
    if (localFault !== (experiment.target === "local")) {
      throw new ConfigurationError(`fault ${fault.kind} is a ${localFault ? "local" : "Kubernetes"} fault; this experiment's target is ${experiment.target}`, where(["fault", "kind"]));
    }
    if (fault.process !== undefined && !local.processes[fault.process]) {
      throw new ConfigurationError(`process ${fault.process} is not under local.processes (it has ${Object.keys(local.processes).join(", ") || "none"})`, where(["fault", "process"]));
    }
    if (fault.switch !== undefined && !local.switches[fault.switch]) {
      throw new ConfigurationError(`fault switch ${fault.switch} is not under local.switches (it has ${Object.keys(local.switches).join(", ") || "none"})`, where(["fault", "switch"]));
    }
    (experiment.steadyState?.slos ?? []).forEach((name, slo) => {
      if (!sloNames.has(name)) throw new ConfigurationError(`SLO ${name} is not in ${slos.file}`, where(["steadyState", "slos", slo]));
    });
    (experiment.expect ?? []).forEach((expectation, e) => {
      const kinds = ["endpoint", "metric", "prometheus", "recoveryWithin"].filter((key) => (expectation as unknown as Record<string, unknown>)[key] !== undefined);
      if (kinds.length !== 1) throw new ConfigurationError(`expectation "${expectation.description}" needs exactly one of endpoint, metric, prometheus, recoveryWithin (has ${kinds.join(", ") || "none"})`, where(["expect", e]));
    });
    return { ...experiment, location: where(["name"]), locate: where };
  });
  return {
    file: shown,
    workspace,
    load: raw.load,
    phases: { before: before.value, during: during.value, after: after.value },
    phaseText: { before: before.text, during: during.text, after: after.text },
    recovery: { probes: raw.recovery?.probes ?? [], timeoutSeconds: seconds(raw.recovery?.timeout, "60s", at(["recovery", "timeout"])).value },
    versions: raw.versions ?? {},
    blastRadius,
    local,
    kubernetes: raw.kubernetes ?? {},
    catalog,
    slos,
    experiments,
  };
}
