import type { LoadedConfig } from "../../config/load.js";
import { CollectorError, ConfigurationError } from "../../engine/errors.js";
import type { CollectedInput, FindingPlace, Gate, GateContext } from "../../engine/gate.js";
import type { Finding, PolicyFinding, SourceLocation, Verdict } from "../../engine/types.js";
import { displayPath, resolveInside, standaloneWorkspace } from "../../sources/files.js";
import { isRecord } from "../../sources/kubernetes.js";
import { readYamlFile, type PathSegment, type YamlDocument } from "../../sources/yaml.js";
import { RELEASE_FLAGS } from "./flags.js";
import { checkRunName, DEFAULT_CHECK_NAME } from "../../report/github/checks.js";
import { clientFor, fetchCheckRuns, fetchWorkflowRun, resolveTag, type ApiCheckRun, type ApiWorkflowRun, type GitHubTarget } from "./github.js";
import { flagList } from "../flag-values.js";
import { collectBudgets, type ErrorBudgetOptions } from "./budgets.js";

export const RELEASE_GATE = "release";

/** Gates whose evidence ages: re-evaluated at tag time when they are configured. */
export const FRESHNESS_GATES = ["backups", "restore-proofs", "chaos-readiness"] as const;

export interface ReleaseOptions {
  requiredGates?: string[];
  tagPattern?: string;
  allowWarn?: boolean;
  trustedApps?: string[];
  /** The `check-name` of the workflow whose check runs are required (default resilience-gates). */
  checkName?: string;
  /** Workflow files and branches whose runs may write the required check runs; unset: not checked. */
  trustedWorkflows?: { path: string; branches: string[] }[];
  freshnessGates?: string[];
  tag?: string;
  commit?: string;
  repository?: string;
  checkRunsFile?: string;
  config?: string;
  attestation?: { path?: string; signingKeyEnv?: string; enabled?: boolean };
  /** The error-budget policy: a release tag waits while a tier 0/1 service's budget is spent. */
  errorBudgets?: ErrorBudgetOptions;
}

/** One required gate's latest check run on the tagged commit, as the policy sees it. */
export interface CheckRunFact {
  gate: string;
  name: string;
  id: number | null;
  status: string;
  conclusion: string | null;
  app: string | null;
  completed_at: string | null;
  url: string | null;
  /** The workflow run that wrote it (read only with trustedWorkflows); null when no workflow run is behind it. */
  workflow: { path: string | null; head_branch: string | null; event: string | null; run_id: number | null } | null;
}

export interface FreshnessFact {
  gate: string;
  verdict: Verdict;
  findings: number;
  blocking_rules: string[];
  error: string | null;
}

/** Everything the release decision rests on: kept for the attestation written after the verdict. */
export interface ReleaseFacts {
  repository: string | null;
  ref: string | null;
  tag: string | null;
  tagPattern: string;
  commit: string | null;
  tagCommit: string | null;
  requiredGates: string[];
  checkRuns: CheckRunFact[];
  freshness: FreshnessFact[];
  source: "api" | "file";
}

const collectedFacts = new WeakMap<object, ReleaseFacts>();

/** The facts the last collection with these options gathered (the same options object the engine got). */
export function releaseFactsFor(options: object): ReleaseFacts | undefined {
  return collectedFacts.get(options);
}

function tagOf(ref: string | undefined): string | undefined {
  return ref?.startsWith("refs/tags/") ? ref.slice("refs/tags/".length) : undefined;
}

interface FactsFile {
  document: YamlDocument;
  value: Record<string, unknown>;
}

function readFactsFile(context: GateContext, path: string): FactsFile {
  const absolute = resolveInside(context.workspace, path, "check-runs file");
  const shown = displayPath(context.workspace, absolute);
  const documents = readYamlFile(context.workspace, absolute, shown).filter((document) => document.value !== null && document.value !== undefined);
  const [document] = documents;
  if (!document || documents.length !== 1 || !isRecord(document.value)) {
    throw new CollectorError(`expected one mapping with tag, commit and check_runs`, { file: shown, line: 1 });
  }
  if (!Array.isArray(document.value.check_runs)) {
    throw new CollectorError(`check_runs must be a list of check runs as the GitHub API returns them`, { file: shown, line: document.locate(["check_runs"]).line });
  }
  return { document, value: document.value };
}

/** The latest run of each `<checkName> / <gate>` name; a later completion wins, then a higher id. */
function latestByGate(runs: readonly { run: ApiCheckRun; index: number }[], checkName: string): Map<string, { run: ApiCheckRun; index: number }> {
  const latest = new Map<string, { run: ApiCheckRun; index: number }>();
  const prefix = checkRunName("", checkName);
  runs.forEach(({ run, index }) => {
    if (typeof run.name !== "string" || !run.name.startsWith(prefix)) return;
    const gate = run.name.slice(prefix.length).trim();
    const current = latest.get(gate);
    const key = (candidate: ApiCheckRun) => `${candidate.completed_at ?? candidate.started_at ?? ""}|${String(candidate.id ?? 0).padStart(20, "0")}`;
    if (!current || key(run) > key(current.run)) latest.set(gate, { run, index });
  });
  return latest;
}

/**
 * The config whose gates the release gate requires and re-evaluates: `options.config` when given
 * (relative to the project directory), else the one the engine runs with (`--config`, the action's
 * `config` input), never a reload from the default path.
 */
async function releaseConfig(context: GateContext, options: ReleaseOptions): Promise<LoadedConfig> {
  if (!options.config && context.config) return context.config;
  const { loadConfig } = await import("../../config/load.js");
  return loadConfig({ cwd: context.workspace.base, ...(options.config ? { config: options.config } : {}) });
}

async function configuredGates(context: GateContext, options: ReleaseOptions): Promise<Record<string, Record<string, unknown>> | undefined> {
  const config = await releaseConfig(context, options);
  return config.file ? config.gates : undefined;
}

/** Re-evaluates the evidence gates through the engine, as of now, with the repository's config and waivers. */
async function evaluateFreshness(context: GateContext, options: ReleaseOptions, gates: string[]): Promise<{ facts: FreshnessFact[]; findings: Map<string, Finding[]> }> {
  const findings = new Map<string, Finding[]>();
  if (gates.length === 0) return { facts: [], findings };
  if (gates.includes(RELEASE_GATE)) throw new ConfigurationError("release: freshnessGates cannot include the release gate itself");
  const [config, { loadBundle, runGates }] = await Promise.all([releaseConfig(context, options), import("../../engine/run.js")]);
  const plan: [string, Record<string, unknown>][] = gates.map((id) => {
    const gateOptions = config.gates[id];
    if (!gateOptions) throw new ConfigurationError(`release: freshness gate ${id} is not configured in ${config.file ?? ".resilience/gates.yaml"}`);
    return [id, gateOptions];
  });
  context.logger.info(`release: re-evaluating ${gates.join(", ")} as of ${context.now.toISOString()}`);
  const bundle = await loadBundle(config, context.logger);
  const report = await runGates({ config, gates: plan, now: context.now, logger: context.logger, ...(context.githubToken ? { githubToken: context.githubToken } : {}) }, bundle);
  const facts = report.gates
    .filter((result) => gates.includes(result.id))
    .map((result) => {
      findings.set(result.id, result.findings);
      return {
        gate: result.id,
        verdict: result.verdict,
        findings: result.findings.length,
        blocking_rules: [...new Set(result.findings.filter((finding) => finding.severity === "block").map((finding) => finding.rule))].sort(),
        error: result.error ?? null,
      };
    });
  return { facts, findings };
}

async function collect(context: GateContext, options: ReleaseOptions): Promise<CollectedInput> {
  const env = process.env;
  const tagPattern = options.tagPattern ?? "v*";
  const file = options.checkRunsFile ? readFactsFile(context, options.checkRunsFile) : undefined;
  const fromFile = (key: string): string | undefined => (typeof file?.value[key] === "string" ? (file.value[key] as string) : undefined);

  const ref = fromFile("ref") ?? (options.tag ? `refs/tags/${options.tag}` : env.GITHUB_REF);
  const tag = options.tag ?? fromFile("tag") ?? tagOf(ref);
  const repository = options.repository ?? fromFile("repository") ?? env.GITHUB_REPOSITORY;

  let configured: Record<string, Record<string, unknown>> | undefined;
  if (!options.requiredGates || !options.freshnessGates) configured = await configuredGates(context, options);
  const requiredGates = options.requiredGates ?? Object.keys(configured ?? {}).filter((id) => id !== RELEASE_GATE);
  if (requiredGates.length === 0) {
    throw new ConfigurationError("release: no required gates: set gates.release.requiredGates, configure other gates, or pass --required-gate");
  }
  const freshnessGates = options.freshnessGates ?? FRESHNESS_GATES.filter((id) => configured?.[id] !== undefined);

  let commit = options.commit ?? fromFile("commit");
  let tagCommit = fromFile("tag_commit") ?? null;
  let runs: ApiCheckRun[];
  let workflowOf = async (run: ApiCheckRun): Promise<ApiWorkflowRun | undefined> => run.workflow_run ?? undefined;
  if (file) {
    runs = file.value.check_runs as ApiCheckRun[];
    commit ??= env.GITHUB_SHA;
  } else {
    const [owner, repo] = (repository ?? "").split("/");
    const token = context.githubToken;
    if (!owner || !repo) throw new ConfigurationError("release: no repository (GITHUB_REPOSITORY or gates.release.repository as owner/name)");
    if (!token) throw new ConfigurationError("release: the check runs are read through the GitHub API and there is no token: give the action's github-token input, set GITHUB_TOKEN on the command line, or give checkRunsFile");
    const target: GitHubTarget = { apiUrl: env.GITHUB_API_URL ?? "https://api.github.com", token, owner, repo };
    const api = clientFor(target);
    if (tag) tagCommit = await resolveTag(api, target, tag);
    commit ??= env.GITHUB_SHA ?? tagCommit ?? undefined;
    if (!commit) throw new ConfigurationError("release: no commit to judge (GITHUB_SHA, --commit or a resolvable tag)");
    context.logger.info(`release: reading check runs of ${commit.slice(0, 12)} in ${owner}/${repo}`);
    runs = await fetchCheckRuns(api, target, commit);
    const suites = new Map<number, Promise<ApiWorkflowRun | undefined>>();
    workflowOf = (run) => {
      const id = run.check_suite?.id;
      if (typeof id !== "number") return Promise.resolve(undefined);
      if (!suites.has(id)) suites.set(id, fetchWorkflowRun(api, target, id));
      return suites.get(id)!;
    };
  }

  const checkName = options.checkName ?? DEFAULT_CHECK_NAME;
  // Every check run must be on the judged commit: a run of another commit (recorded facts, a ref that
  // is not the commit) never approves it. Those runs are kept apart so REL-002 can name where they are.
  const indexed = runs.map((run, index) => ({ run, index }));
  const onCommit = indexed.filter(({ run }) => commit !== undefined && run.head_sha === commit);
  const elsewhere = latestByGate(indexed.filter(({ run }) => commit === undefined || run.head_sha !== commit), checkName);
  const latest = latestByGate(onCommit, checkName);
  const checkRuns: (CheckRunFact & { index: number })[] = [];
  for (const [gate, { run, index }] of latest) {
    const workflow = options.trustedWorkflows && requiredGates.includes(gate) ? await workflowOf(run) : undefined;
    checkRuns.push({
      gate,
      index,
      name: run.name ?? "",
      id: typeof run.id === "number" ? run.id : null,
      status: run.status ?? "unknown",
      conclusion: run.conclusion ?? null,
      app: run.app?.slug ?? null,
      completed_at: run.completed_at ?? null,
      url: run.html_url ?? null,
      workflow: workflow
        ? { path: workflow.path?.split("@")[0] ?? null, head_branch: workflow.head_branch ?? null, event: workflow.event ?? null, run_id: typeof workflow.id === "number" ? workflow.id : null }
        : null,
    });
  }

  const fresh = isRecord(file?.value) && Array.isArray(file.value.freshness)
    ? { facts: (file.value.freshness as FreshnessFact[]).map((fact) => ({ ...fact, findings: fact.findings ?? 0, blocking_rules: fact.blocking_rules ?? [], error: fact.error ?? null })), findings: new Map<string, Finding[]>() }
    : await evaluateFreshness(context, options, freshnessGates);

  const budgets = options.errorBudgets ? await collectBudgets(context, options.errorBudgets) : undefined;
  if (budgets) context.logger.info(`release: ${budgets.facts.length} error budgets of tier ${(options.errorBudgets?.tiers ?? [0, 1]).join("/")} SLOs measured`);

  const facts: ReleaseFacts = {
    repository: repository ?? null,
    ref: ref ?? null,
    tag: tag ?? null,
    tagPattern,
    commit: commit ?? null,
    tagCommit,
    requiredGates,
    checkRuns: checkRuns.map(({ index: _index, ...fact }) => fact),
    freshness: fresh.facts,
    source: file ? "file" : "api",
  };
  collectedFacts.set(options, facts);

  const at = (path: readonly PathSegment[]): SourceLocation | undefined => {
    if (!file) return undefined;
    const position = file.document.locate(path);
    return { file: file.document.file, line: position.line, column: position.column };
  };

  return {
    input: {
      ref: facts.ref,
      tag: facts.tag,
      tag_pattern: tagPattern,
      commit: facts.commit,
      tag_commit: tagCommit,
      required_gates: requiredGates,
      allow_warn: options.allowWarn ?? true,
      trusted_apps: options.trustedApps ?? ["github-actions"],
      check_name: checkName,
      trusted_workflows: options.trustedWorkflows ?? null,
      check_runs: facts.checkRuns,
      check_runs_elsewhere: [...elsewhere].map(([gate, { run }]) => ({ gate, head_sha: typeof run.head_sha === "string" ? run.head_sha : null })),
      freshness: facts.freshness,
      error_budgets: budgets?.facts ?? [],
      error_budget_policy: options.errorBudgets
        ? {
            exhausted: options.errorBudgets.exhausted ?? "block",
            warn_below: options.errorBudgets.warnBelow ?? 0.25,
            reliability_tag_pattern: options.errorBudgets.reliabilityTagPattern ?? null,
          }
        : null,
    },
    ...(budgets?.errors.length ? { errors: budgets.errors } : {}),
    locate(finding: PolicyFinding): FindingPlace {
      if (typeof finding.budget === "number") {
        const fact = budgets?.facts[finding.budget];
        const location = budgets?.locations[finding.budget];
        if (!fact) throw new CollectorError(`policy finding ${finding.rule} names unknown error budget ${finding.budget}`);
        return { resource: { kind: "SLO", name: fact.slo }, ...(location ? { location } : {}) };
      }
      const gate = typeof finding.check === "string" ? finding.check : undefined;
      const evidence = typeof finding.freshness === "string" ? finding.freshness : undefined;
      if (gate && finding.field === "head_sha") {
        const other = elsewhere.get(gate);
        const location = other ? at(["check_runs", other.index, "head_sha"]) : at(["check_runs"]);
        return { resource: { kind: "CheckRun", name: checkRunName(gate, checkName) }, ...(location ? { location } : {}) };
      }
      if (gate) {
        const run = checkRuns.find((candidate) => candidate.gate === gate);
        const location = run ? at(["check_runs", run.index, finding.field === "app" ? "app" : finding.field === "status" ? "status" : finding.field === "workflow" ? "workflow_run" : "conclusion"]) : at(["check_runs"]);
        return { resource: { kind: "CheckRun", name: checkRunName(gate, checkName) }, ...(location ? { location } : {}) };
      }
      if (evidence) {
        const index = facts.freshness.findIndex((fact) => fact.gate === evidence);
        const first = fresh.findings.get(evidence)?.find((candidate) => candidate.severity === "block" && candidate.location) ?? fresh.findings.get(evidence)?.find((candidate) => candidate.location);
        const location = at(["freshness", index, "verdict"]) ?? first?.location;
        return { resource: { kind: "Gate", name: evidence }, ...(location ? { location } : {}) };
      }
      const location = at([typeof finding.field === "string" ? finding.field : "tag"]);
      return location ? { location } : {};
    },
    stats: {
      requiredGates: requiredGates.length,
      checkRuns: checkRuns.length,
      freshnessGates: facts.freshness.length,
      ...(budgets ? { errorBudgets: budgets.facts.length } : {}),
    },
  };
}

export const releaseGate: Gate<ReleaseOptions> = {
  id: RELEASE_GATE,
  summary: "A release tag may ship only when every required gate passed on its commit and the evidence is still fresh",
  cliFlags: RELEASE_FLAGS,
  optionsFromFlags(flags) {
    const required = flagList(flags["required-gate"]);
    const tag = typeof flags.tag === "string" ? flags.tag : undefined;
    const file = typeof flags["check-runs-file"] === "string" ? flags["check-runs-file"] : undefined;
    if (required.length === 0 && !tag && !file) return undefined;
    const options: ReleaseOptions = {};
    if (required.length) options.requiredGates = required;
    if (tag) options.tag = tag;
    if (typeof flags.commit === "string") options.commit = flags.commit;
    if (typeof flags["tag-pattern"] === "string") options.tagPattern = flags["tag-pattern"];
    if (file) options.checkRunsFile = file;
    return options;
  },
  collect,
  fixtureOptions(file) {
    return { checkRunsFile: file, requiredGates: ["security-context", "migrations"], freshnessGates: [], ...fixtureOverrides(file) };
  },
};

/** A fixture may carry `fixture_options:` (allowWarn, trustedApps, tagPattern, requiredGates) for its case. */
function fixtureOverrides(file: string): Partial<ReleaseOptions> {
  const [document] = readYamlFile(standaloneWorkspace(file), file, file);
  const value = isRecord(document?.value) ? document.value.fixture_options : undefined;
  return isRecord(value) ? (value as Partial<ReleaseOptions>) : {};
}
