import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import picomatch from "picomatch";
import { performance } from "node:perf_hooks";
import type { LoadedConfig } from "../config/load.js";
import { hasSchema, validate } from "../config/schemas.js";
import { GATES } from "../gates/registry.js";
import { compilePolicies, entrypointOf, policiesDigest } from "./bundle.js";
import { ConfigurationError, describeThrown, PolicyEvaluationError } from "./errors.js";
import { cacheDirectory, cachingEnabled } from "./cache.js";
import { checkInput, sliceEvaluator } from "./evaluation.js";
import type { CollectedInput, GateContext } from "./gate.js";
import type { Logger } from "./logger.js";
import { packageRoot } from "./package-root.js";
import { loadBuiltInBundle, PolicyBundle } from "./policy.js";
import type { RuleMetadata } from "./rules.js";
import type { Finding, GateResult, PolicyFinding, Report, Severity, Verdict, Waiver } from "./types.js";
import { applyWaivers, loadWaiversFile, type WaiverProblem, type WaiverSet } from "./waivers.js";
import { makeDirectories } from "./directories.js";

export interface RunRequest {
  config: LoadedConfig;
  /** Gate id → options (already merged from config and flags). */
  gates: [string, Record<string, unknown>][];
  now: Date;
  logger: Logger;
  /** See GateContext.githubToken. */
  githubToken?: string;
  /**
   * Gates whose options were typed on the command line: their paths are the user's own choice and may
   * lie outside the repository (paths from a config file may not).
   */
  commandLineGates?: readonly string[];
}

const ORDER: Verdict[] = ["pass", "warn", "block", "error"];

export function worstVerdict(verdicts: readonly Verdict[]): Verdict {
  return verdicts.reduce<Verdict>((worst, v) => (ORDER.indexOf(v) > ORDER.indexOf(worst) ? v : worst), "pass");
}

/** Loads the policy bundle: the built-in one, or built-in plus the config's custom directories. */
export async function loadBundle(config: LoadedConfig, logger: Logger): Promise<PolicyBundle> {
  if (config.policies.length === 0) return loadBuiltInBundle();
  const directories = [join(packageRoot(), "policies"), ...config.policies];
  const digest = policiesDigest(directories, config.workspace.root);
  const cache = cacheDirectory(digest);
  if (!cachingEnabled() || !existsSync(join(cache, "policies.wasm"))) {
    logger.info(`compiling custom policies from ${config.policies.length} director${config.policies.length === 1 ? "y" : "ies"} with opa`);
    const compiled = await compilePolicies(directories, [...GATES.keys()], config.workspace.root);
    if (!cachingEnabled()) return PolicyBundle.load(compiled.wasm, compiled.rules, digest);
    makeDirectories(cache);
    writeFileSync(join(cache, "rules.json"), JSON.stringify(compiled.rules));
    writeFileSync(join(cache, "policies.wasm"), compiled.wasm);
  }
  const rules = JSON.parse(readFileSync(join(cache, "rules.json"), "utf8")) as RuleMetadata[];
  return PolicyBundle.load(readFileSync(join(cache, "policies.wasm")), rules, digest);
}

export async function runGates(request: RunRequest, bundle: PolicyBundle): Promise<Report> {
  const { config, now, logger } = request;
  const fileWaivers = knownRulesOnly(
    bundle,
    config.waiversFile ? loadWaiversFile(config.workspace, config.waiversFile, now) : { waivers: [], problems: [] },
  );
  const context: GateContext = { workspace: config.workspace, logger, now, config, ...(request.githubToken ? { githubToken: request.githubToken } : {}) };
  const results: GateResult[] = [];
  const claimed = new Set<WaiverProblem>();
  for (const [id, options] of request.gates) {
    const started = performance.now();
    const gateProblems = fileWaivers.problems.filter((problem) => problem.waivedRule && ruleBelongsTo(bundle, problem.waivedRule, id));
    gateProblems.forEach((problem) => claimed.add(problem));
    try {
      const gate = GATES.get(id);
      if (!gate) throw new ConfigurationError(`unknown gate ${id}; known gates: ${[...GATES.keys()].join(", ")}`);
      const problems = validate("gates", options, `$defs/${id}`);
      if (problems.length > 0) {
        throw new ConfigurationError(`options of gate ${id}: ${problems.map((p) => p.message).join("; ")}`);
      }
      logger.info(`${id}: collecting`);
      const audit = options.mode === "audit";
      const gateContext = request.commandLineGates?.includes(id) ? { ...context, workspace: { ...config.workspace, commandLine: true } } : context;
      const collected = await gate.collect(gateContext, options);
      const entrypoint = entrypointOf(id);
      if (!bundle.hasEntrypoint(entrypoint)) throw new ConfigurationError(`the policy bundle has no entrypoint ${entrypoint}`);
      const raw = await evaluateCollected(bundle, entrypoint, id, collected, gate.independentItems, Math.floor(now.getTime() / 1000));
      const decorated = raw.filter((policyFinding) => config.rules[policyFinding.rule]?.severity !== "off").map((policyFinding) => {
        const place = collected.locate(policyFinding);
        return {
          finding: toFinding(bundle, config, policyFinding.rule, policyFinding.message, policyFinding.severity, place, audit),
          localWaivers: place.waivers ?? ([] as Waiver[]),
        };
      });
      const problemFindings = [...gateProblems, ...(collected.waiverProblems ?? [])].map((problem) => ({
        finding: toFinding(bundle, config, problem.rule, problem.message, undefined, { location: problem.location }, audit),
        localWaivers: [] as Waiver[],
      }));
      const { findings, waived } = applyWaivers(decorated, fileWaivers.waivers);
      const all = sortFindings([...findings, ...problemFindings.map((entry) => entry.finding)]);
      const broken = collected.errors ?? [];
      results.push({
        id,
        verdict: broken.length > 0 ? "error" : verdictOf(all),
        findings: all,
        waived,
        ...(audit ? { mode: "audit" as const } : {}),
        ...(broken.length > 0 ? { error: broken.join("; ") } : {}),
        stats: { ...collected.stats, findings: all.length, waived: waived.length },
        durationMs: Math.round(performance.now() - started),
      });
    } catch (error) {
      const internal = !(error instanceof ConfigurationError) && !(error instanceof PolicyEvaluationError);
      if (internal) logger.debug(error instanceof Error && error.stack ? error.stack : describeThrown(error));
      results.push({
        id,
        verdict: "error",
        findings: [],
        waived: [],
        error: internal ? `internal error: ${describeThrown(error)}` : describeThrown(error),
        stats: {},
        durationMs: Math.round(performance.now() - started),
      });
    }
  }
  const unclaimed = fileWaivers.problems.filter(
    (problem) => !claimed.has(problem) && !(problem.waivedRule && rulesMatching(bundle, problem.waivedRule).length > 0),
  );
  if (unclaimed.length > 0) {
    const findings = unclaimed.map((problem) => toFinding(bundle, config, problem.rule, problem.message, undefined, { location: problem.location }));
    results.push({ id: "waivers", verdict: verdictOf(findings), findings, waived: [], stats: { findings: findings.length }, durationMs: 0 });
  }
  return { verdict: worstVerdict(results.map((result) => result.verdict)), gates: results };
}

/** Evaluates what a collector produced: its one input document, or its slices as they come. */
async function evaluateCollected(
  bundle: PolicyBundle,
  entrypoint: string,
  id: string,
  collected: CollectedInput,
  independentItems: string | undefined,
  now: number,
): Promise<PolicyFinding[]> {
  const inputSchema = hasSchema(`${id}-input`) ? id : undefined;
  if (!collected.slices) {
    if (!collected.input) throw new Error(`collector of ${id} produced neither an input nor slices`);
    const input = { ...collected.input, now };
    if (inputSchema) checkInput(inputSchema, input);
    return evaluateInSlices(bundle, entrypoint, input, independentItems);
  }
  const evaluator = sliceEvaluator(bundle, entrypoint, inputSchema);
  try {
    for await (const slice of collected.slices) evaluator.submit({ ...slice, now });
    return await evaluator.finish();
  } finally {
    evaluator.close();
  }
}

/** Items per evaluation of an `independentItems` list: large enough to amortise the call, small enough for the heap. */
const SLICE = 100;

export function evaluateInSlices(bundle: PolicyBundle, entrypoint: string, input: Record<string, unknown>, key: string | undefined): PolicyFinding[] {
  const items = key ? input[key] : undefined;
  if (!key || !Array.isArray(items) || items.length <= SLICE) return bundle.evaluate(entrypoint, input);
  const findings: PolicyFinding[] = [];
  for (let start = 0; start < items.length; start += SLICE) {
    findings.push(...bundle.evaluate(entrypoint, { ...input, [key]: items.slice(start, start + SLICE) }));
  }
  return findings;
}

/** A waiver for a rule that does not exist (a typo, a removed rule) suppresses nothing: say so. */
function knownRulesOnly(bundle: PolicyBundle, set: WaiverSet): WaiverSet {
  const waivers: Waiver[] = [];
  const problems = [...set.problems];
  for (const waiver of set.waivers) {
    if (rulesMatching(bundle, waiver.rule).length > 0) waivers.push(waiver);
    else problems.push({ rule: "WAIVER-002", message: `waiver names rule ${waiver.rule}, which no policy defines`, location: waiver.source });
  }
  return { waivers, problems };
}

function rulesMatching(bundle: PolicyBundle, pattern: string): RuleMetadata[] {
  const exact = bundle.catalog.get(pattern);
  if (exact) return [exact];
  const matches = picomatch(pattern);
  return [...bundle.catalog.values()].filter((rule) => matches(rule.id));
}

function ruleBelongsTo(bundle: PolicyBundle, pattern: string, gateId: string): boolean {
  return rulesMatching(bundle, pattern).some((rule) => rule.gate === gateId);
}

function toFinding(
  bundle: PolicyBundle,
  config: LoadedConfig,
  rule: string,
  message: string,
  severity: Severity | undefined,
  place: { resource?: Finding["resource"]; container?: string; location?: Finding["location"] },
  gateAudit = false,
): Finding {
  const metadata = bundle.catalog.get(rule);
  const override = config.rules[rule]?.severity;
  return {
    rule,
    severity: override === "block" || override === "warn" ? override : (severity ?? metadata?.severity ?? "block"),
    title: metadata?.title ?? rule,
    message,
    ...(place.resource ? { resource: place.resource } : {}),
    ...(place.container ? { container: place.container } : {}),
    ...(place.location ? { location: place.location } : {}),
    remediation: metadata?.remediation ?? "",
    docs: metadata?.docs ?? "",
    ...(gateAudit || config.rules[rule]?.mode === "audit" ? { audit: true as const } : {}),
  };
}

/** Audit findings are reported, never counted. */
function verdictOf(all: readonly Finding[]): Verdict {
  const findings = all.filter((finding) => !finding.audit);
  if (findings.some((finding) => finding.severity === "block")) return "block";
  if (findings.some((finding) => finding.severity === "warn")) return "warn";
  return "pass";
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      (a.location?.file ?? "").localeCompare(b.location?.file ?? "") ||
      (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
      (a.location?.column ?? 0) - (b.location?.column ?? 0) ||
      a.rule.localeCompare(b.rule),
  );
}
