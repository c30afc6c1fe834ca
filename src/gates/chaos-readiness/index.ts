/**
 * The chaos-readiness gate's collector: the catalog's services (tier, dependencies, cadence, accepted
 * versions), the experiments declared in the chaos file, and every signed result of `chaos run` (files,
 * and in --cluster mode the ConfigMaps `chaos publish` wrote), each checked against
 * schemas/chaos-result.schema.json and its Ed25519 signature verified with the drill keys. The policy
 * (policies/chaos_readiness) decides what the facts mean.
 */
import type { KeyObject } from "node:crypto";
import { CollectorError, ConfigurationError } from "../../engine/errors.js";
import type { CollectedInput, FindingPlace, Gate, GateContext } from "../../engine/gate.js";
import type { PolicyFinding, ResourceRef, SourceLocation } from "../../engine/types.js";
import { loadChaosConfig } from "../../chaos/experiments.js";
import { CHAOS_RESULT_CONFIGMAP } from "../../chaos/publish.js";
import { CHAOS_RESULT, readResultFile, sliText, type ChaosResult } from "../../chaos/result.js";
import { publishedResourceType, readPublishedSigned, trustedKeys } from "../../drill/evidence.js";
import type { ReadSigned } from "../../drill/verify.js";
import { loadCatalog, TIER_DEFAULTS, type Tier } from "../../sources/catalog.js";
import { clusterFromFlags, type ClusterOptions, type ResourceType } from "../../sources/cluster.js";
import { epochSeconds, parseCatalogDuration } from "../../sources/duration.js";
import { displayPath, standaloneWorkspace } from "../../sources/files.js";
import { expandJsonInputs, type JsonFile } from "../../sources/json.js";
import { isRecord } from "../../sources/kubernetes.js";
import { readYamlFile, type PathSegment } from "../../sources/yaml.js";
import { flagList } from "../flag-values.js";
import { CHAOS_READINESS_FLAGS } from "./flags.js";

export const CHAOS_READINESS_GATE = "chaos-readiness";

/** Tiers that must have run their experiments, unless `tiers` says otherwise. */
export const DEFAULT_CHAOS_TIERS: readonly Tier[] = [0, 1];

export interface ChaosReadinessOptions {
  catalog?: string;
  /** The chaos file (.resilience/chaos.yaml); also where `chaos run` finds the experiments. */
  experiments?: string;
  results?: string[];
  publicKey?: string | string[];
  publicKeyEnv?: string;
  cluster?: true | ClusterOptions;
  /** Tiers whose services must have run their experiments (default 0 and 1). */
  tiers?: number[];
  /** Longest time between two experiments, per tier ("0": "90d"); default the tier's restore-drill cadence (quarterly for 0 and 1). */
  cadence?: Partial<Record<"0" | "1" | "2" | "3", string>>;
  /** Service versions whose results count, per service (exact versions, or a prefix ending in `*`); unset: any. */
  acceptVersions?: Record<string, string[]>;
}

/** The kind `--cluster` lists: what the RBAC in charts/resilience-gates-rbac grants. */
export const CHAOS_RESULT_RESOURCE_TYPE: ResourceType = publishedResourceType(CHAOS_RESULT_CONFIGMAP);

interface ResultSource {
  shown: string;
  result: ReadSigned<ChaosResult>;
  resource?: ResourceRef;
}

const TIME_FIELDS = ["startedAt", "faultStartedAt", "faultEndedAt", "recoveredAt", "finishedAt"] as const;

function cadenceOf(options: ChaosReadinessOptions, tier: Tier): { seconds: number; text: string; configured: boolean } {
  const written = options.cadence?.[String(tier) as "0"];
  if (written === undefined) return { seconds: TIER_DEFAULTS[tier].drillEvery, text: `${TIER_DEFAULTS[tier].drillEvery / 86_400}d`, configured: false };
  const seconds = parseCatalogDuration(written);
  if (seconds === undefined || seconds <= 0) throw new ConfigurationError(`chaos-readiness: cadence of tier ${tier}, ${written}, is not a duration like 90d, 12w or 720h`);
  return { seconds, text: written, configured: true };
}

async function collect(context: GateContext, options: ChaosReadinessOptions): Promise<CollectedInput> {
  const { workspace } = context;
  const chaos = options.experiments !== undefined ? loadChaosConfig(workspace, options.experiments) : undefined;
  const catalog = options.catalog === undefined && chaos ? chaos.catalog : loadCatalog(workspace, options.catalog);
  const keys: KeyObject[] = trustedKeys(context, CHAOS_READINESS_GATE, options, "chaos result");
  const tiers = options.tiers ?? [...DEFAULT_CHAOS_TIERS];
  const files = expandJsonInputs(workspace, options.results ?? [], "results");
  const sources: ResultSource[] = files.map((absolute) => {
    const shown = displayPath(workspace, absolute);
    return { shown, result: readResultFile(workspace, absolute, shown, keys) };
  });
  if (options.cluster) {
    sources.push(...(await readPublishedSigned<ChaosResult>(context, CHAOS_READINESS_GATE, options.cluster === true ? {} : options.cluster, keys, CHAOS_RESULT_CONFIGMAP, CHAOS_RESULT)));
  }
  for (const service of Object.keys(options.acceptVersions ?? {})) {
    if (!catalog.services.some((candidate) => candidate.name === service)) {
      throw new ConfigurationError(`chaos-readiness: acceptVersions names ${service}, which is not a service of ${catalog.file} (it has ${catalog.services.map((s) => s.name).join(", ") || "none"})`);
    }
  }

  const services = catalog.services.map((service, id) => {
    const cadence = cadenceOf(options, service.tier);
    return {
      id,
      name: service.name,
      owner: service.owner,
      tier: service.tier,
      required: tiers.includes(service.tier),
      dependencies: service.dependencies,
      cadence_seconds: cadence.seconds,
      cadence_text: cadence.text,
      cadence_configured: cadence.configured,
      accept_versions: options.acceptVersions?.[service.name] ?? null,
    };
  });
  const serviceNames = new Map(catalog.services.map((service) => [service.name, service]));
  const experiments = (chaos?.experiments ?? []).map((experiment) => ({
    name: experiment.name,
    service: experiment.service,
    dependency: experiment.dependency ?? null,
    pod_loss: experiment.podLoss === true,
    target: experiment.target,
    file: chaos?.file ?? "",
    line: experiment.location.line,
  }));

  const read: { json: JsonFile; resource: ResourceRef | undefined }[] = [];
  const results: Record<string, unknown>[] = [];
  const problems: { id: number; file: string; message: string; location: SourceLocation; resource: ResourceRef | undefined }[] = [];
  for (const { shown, result, resource } of sources) {
    if (!result.ok) {
      problems.push({ id: problems.length, file: shown, message: result.message, location: result.location, resource });
      continue;
    }
    const { proof, signature, json } = result;
    const epochs: Record<string, number | null> = {};
    let bad: string | undefined;
    for (const key of TIME_FIELDS) {
      const value = proof.times[key];
      const seconds = value === null ? null : epochSeconds(value);
      if (seconds === undefined) bad = `times.${key} ${String(value)} is not a real calendar time`;
      epochs[key] = seconds ?? null;
    }
    if (bad) {
      problems.push({ id: problems.length, file: shown, message: bad, location: json.locate(["times"]), resource });
      continue;
    }
    const known = serviceNames.get(proof.service);
    const phase = (name: "before" | "during" | "after") => {
      const figures = proof.measured.phases[name];
      return figures ? { requests: figures.requests, errors: figures.errors, aborted: figures.aborted } : null;
    };
    read.push({ json, resource });
    results.push({
      id: results.length,
      file: shown,
      experiment: proof.experiment,
      service: proof.service,
      service_known: known !== undefined,
      dependency: proof.dependency,
      dependency_declared: proof.dependency === null || (known?.dependencies.includes(proof.dependency) ?? false),
      pod_loss: proof.podLoss,
      target: proof.target,
      service_version: proof.serviceVersion,
      result: proof.result,
      signature: signature.status,
      signature_detail: signature.detail,
      key_id: signature.keyId,
      started: epochs.startedAt,
      fault_started: epochs.faultStartedAt,
      fault_ended: epochs.faultEndedAt,
      recovered: epochs.recoveredAt,
      finished: epochs.finishedAt,
      recovery_seconds: proof.measured.recoverySeconds,
      phases: { before: phase("before"), during: phase("during"), after: phase("after") },
      slis: proof.slis.map((sli, index) => ({
        index,
        phase: sli.phase,
        slo: sli.slo,
        objective: sli.objective,
        target: sli.target,
        samples: sli.samples,
        ratio: sli.ratio,
        quantile_seconds: sli.quantileSeconds,
        met: sli.met,
        required: sli.required,
        text: sliText(sli),
      })),
      expectations: proof.expectations.map((expectation, index) => ({ index, description: expectation.description, observed: expectation.observed, detail: expectation.detail })),
      undone: proof.undone.map((record, index) => ({ index, what: record.what, ok: record.ok })),
      touched: proof.touched.length,
      failures: proof.failures,
    });
  }

  const locate = (finding: PolicyFinding): FindingPlace => {
    if (typeof finding.result === "number") {
      const source = read[finding.result];
      if (!source) throw new CollectorError(`policy finding ${finding.rule} names unknown chaos result ${finding.result}`);
      if (source.resource) return { resource: source.resource };
      const path = Array.isArray(finding.path) ? (finding.path as PathSegment[]) : [];
      const service = serviceNames.get(String(results[finding.result]?.service));
      return { ...(service ? { resource: { kind: "Service", name: service.name } } : {}), location: source.json.locate(path) };
    }
    if (typeof finding.problem === "number") {
      const problem = problems[finding.problem];
      if (!problem) throw new CollectorError(`policy finding ${finding.rule} names unknown problem ${finding.problem}`);
      return problem.resource ? { resource: problem.resource } : { location: problem.location };
    }
    const service = typeof finding.service === "number" ? catalog.services[finding.service] : undefined;
    if (!service) throw new CollectorError(`policy finding ${finding.rule} has no locator the chaos-readiness collector knows`);
    const location = typeof finding.dependency_index === "number" ? service.locate(["dependencies", finding.dependency_index]) : service.location;
    return { resource: { kind: "Service", name: service.name }, location };
  };

  return {
    input: {
      catalog: catalog.file,
      experiments_file: chaos?.file ?? null,
      trusted_keys: keys.length,
      tiers,
      services,
      experiments,
      results,
      problems: problems.map(({ id, file, message }) => ({ id, file, message })),
    },
    locate,
    stats: {
      services: services.filter((service) => service.required).length,
      experiments: experiments.length,
      files: files.length,
      results: results.length,
      problems: problems.length,
      ...(options.cluster ? { configMaps: sources.length - files.length } : {}),
    },
  };
}

export const chaosReadinessGate: Gate<ChaosReadinessOptions> = {
  id: CHAOS_READINESS_GATE,
  summary: "Every tier 0/1 service has a fresh, passing, signed chaos-experiment result for each dependency and for pod loss",
  cliFlags: CHAOS_READINESS_FLAGS,
  optionsFromFlags(flags) {
    const results = flagList(flags.results);
    const keys = flagList(flags["public-key"]);
    const cluster = clusterFromFlags(flags);
    if (results.length === 0 && !cluster) return undefined;
    return {
      ...(results.length ? { results } : {}),
      ...(cluster ? { cluster } : {}),
      ...(typeof flags.catalog === "string" ? { catalog: flags.catalog } : {}),
      ...(typeof flags.experiments === "string" ? { experiments: flags.experiments } : {}),
      ...(keys.length === 1 ? { publicKey: keys[0] as string } : keys.length > 1 ? { publicKey: keys } : {}),
    };
  },
  collect,
  fixtureOptions(file) {
    const [document] = readYamlFile(standaloneWorkspace(file), file, file);
    if (!isRecord(document?.value)) throw new ConfigurationError(`fixture ${file} must be a mapping of chaos-readiness options`);
    return document.value as unknown as ChaosReadinessOptions;
  },
};
