import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import * as core from "@actions/core";
import { defaultGates, planGates, exitCodeFor } from "../commands/check.js";
import { loadConfig } from "../config/load.js";
import { ConfigurationError } from "../engine/errors.js";
import type { Logger } from "../engine/logger.js";
import { loadBundle, runGates } from "../engine/run.js";
import type { Report } from "../engine/types.js";
import { GATES } from "../gates/registry.js";
import { attestRelease } from "../gates/release/attestation.js";
import { GitHubApi, GitHubApiError, RATE_LIMIT_WAIT_MS } from "../report/github/api.js";
import { abandonChecks, checkRunName, DEFAULT_CHECK_NAME, MAX_ANNOTATIONS, publishChecks, startChecks, type FailOn, type StartedChecks } from "../report/github/checks.js";
import { ANNOTATIONS_PER_LEVEL, reportAnnotations } from "../report/github/commands.js";
import { upsertComment } from "../report/github/comment.js";
import { githubContextFromEnv, type GitHubContext } from "../report/github/context.js";
import { commentBody, inline, jobSummary } from "../report/github/markdown.js";
import { junitReporter } from "../report/junit.js";
import { toolVersion } from "../report/links.js";
import { sarifReporter } from "../report/sarif.js";
import { EXIT, type ActionOutcome } from "./wrapper.js";
import { makeDirectories } from "../engine/directories.js";

export interface ActionInputs {
  config?: string;
  /** Set by the per-gate actions (actions/<gate>/action.yml): the one gate this step runs. */
  gate?: string;
  gates: string[];
  failOn: FailOn;
  token?: string;
  sarifFile?: string;
  junitFile?: string;
  reportFile?: string;
  comment: boolean;
  checks: boolean;
  /** Annotations per check run; the rest stay in the summary and SARIF. */
  maxAnnotations: number;
  /** Longest wait, in seconds, for an exhausted API rate limit to reset. */
  rateLimitWait: number;
  /** First part of the check runs' names and the SARIF categories, so two workflows on one commit stay apart. */
  checkName: string;
  now: Date;
}

function list(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

function optional(name: string): string | undefined {
  return core.getInput(name) || undefined;
}

/** The action's inputs, validated: a wrong value is a configuration error that names the input. */
export function readInputs(): ActionInputs {
  const failOn = core.getInput("fail-on") || "block";
  if (failOn !== "block" && failOn !== "warn") throw new ConfigurationError(`input fail-on must be block or warn, not ${failOn}`);
  const flag = (name: string, fallback: boolean): boolean => {
    const value = core.getInput(name).toLowerCase();
    if (value === "") return fallback;
    if (value === "true") return true;
    if (value === "false") return false;
    throw new ConfigurationError(`input ${name} must be true or false, not ${value}`);
  };
  const count = (name: string, fallback: number, max: number): number => {
    const value = core.getInput(name);
    if (value === "") return fallback;
    if (!/^\d+$/.test(value) || Number(value) > max) throw new ConfigurationError(`input ${name} must be a whole number from 0 to ${max}, not ${value}`);
    return Number(value);
  };
  const nowText = core.getInput("now");
  const now = nowText ? new Date(nowText) : new Date();
  if (Number.isNaN(now.getTime())) throw new ConfigurationError(`input now must be an ISO 8601 time, not ${nowText}`);
  const checkName = core.getInput("check-name") || DEFAULT_CHECK_NAME;
  if (!/^[A-Za-z0-9][A-Za-z0-9._ -]{0,63}$/.test(checkName) || checkName.endsWith(" ")) {
    throw new ConfigurationError(`input check-name must be 1 to 64 letters, digits, '.', '_', '-' or inner spaces (no '/'), not ${JSON.stringify(checkName)}`);
  }
  const gate = optional("gate");
  if (gate && !GATES.has(gate)) throw new ConfigurationError(`input gate ${gate} is not a gate; known gates: ${[...GATES.keys()].join(", ")}`);
  return {
    ...(optional("config") ? { config: optional("config") } : {}),
    ...(gate ? { gate } : {}),
    gates: list(core.getInput("gates")),
    failOn,
    ...(optional("github-token") ? { token: optional("github-token") } : {}),
    ...(optional("sarif-file") ? { sarifFile: optional("sarif-file") } : {}),
    ...(optional("junit-file") ? { junitFile: optional("junit-file") } : {}),
    ...(optional("report-file") ? { reportFile: optional("report-file") } : {}),
    comment: flag("comment", false),
    checks: flag("checks", true),
    maxAnnotations: count("max-annotations", MAX_ANNOTATIONS, 50_000),
    rateLimitWait: count("rate-limit-wait", RATE_LIMIT_WAIT_MS / 1000, 3600),
    checkName,
    now,
  };
}

export const actionLogger: Logger = {
  info: (message) => core.info(message),
  warn: (message) => core.warning(message),
  debug: (message) => core.debug(message),
};

/** Writes a report file; a path that cannot be written is the user's to fix (an input names it). */
function write(path: string, text: string): void {
  try {
    makeDirectories(dirname(path));
    writeFileSync(path, text);
  } catch (error) {
    throw new ConfigurationError(`cannot write ${path}: ${(error as Error).message}`);
  }
}

/** Runs the configured (or named) gates and reports them where a GitHub user looks. */
export async function main(inputs: ActionInputs = readInputs(), env: NodeJS.ProcessEnv = process.env): Promise<ActionOutcome> {
  const logger = actionLogger;
  // Collectors get the token explicitly; it never enters process.env, which every child process inherits.
  const githubToken = inputs.token || env.GITHUB_TOKEN || env.GH_TOKEN;
  if (githubToken) core.setSecret(githubToken);

  const cwd = process.cwd();
  const config = loadConfig({ cwd, ...(inputs.config ? { config: inputs.config } : {}) });
  const named = inputs.gate ? [inputs.gate] : inputs.gates.length > 0 ? inputs.gates : defaultGates(config.gates, env);
  const plan = planGates(named, {}, config.gates, config.file);

  const context = githubContextFromEnv(env);
  const api = context && inputs.token ? new GitHubApi({ apiUrl: context.apiUrl, token: inputs.token, rateLimitWaitMs: inputs.rateLimitWait * 1000 }) : undefined;
  // In-progress check runs at once, so long gates show on the pull request while they run.
  const startRequest = context && api && inputs.checks ? { api: new GitHubApi({ apiUrl: context.apiUrl, token: inputs.token!, retries: 0 }), context, logger, checkName: inputs.checkName } : undefined;
  const started = startRequest ? await startChecks(plan.map(([id]) => id), startRequest) : undefined;
  try {
    return await finish(inputs, env, { cwd, config, plan, context, api, logger, githubToken, ...(started ? { started } : {}) });
  } catch (error) {
    // None of the started runs may stay in progress: a required check would wait on it for ever.
    if (started && startRequest) await abandonChecks(started, startRequest, error instanceof Error ? error.message : String(error));
    throw error;
  }
}

interface Prepared {
  cwd: string;
  config: ReturnType<typeof loadConfig>;
  plan: [string, Record<string, unknown>][];
  context: GitHubContext | undefined;
  api: GitHubApi | undefined;
  logger: Logger;
  githubToken: string | undefined;
  started?: StartedChecks;
}

/** Runs the planned gates and reports them; the check runs started in progress are completed here. */
async function finish(inputs: ActionInputs, env: NodeJS.ProcessEnv, prepared: Prepared): Promise<ActionOutcome> {
  const { cwd, config, plan, context, api, logger, githubToken } = prepared;
  core.startGroup(`resilience-gates ${toolVersion()}: ${plan.map(([id]) => id).join(", ")}`);
  const bundle = await loadBundle(config, logger);
  const report = await runGates({ config, gates: plan, now: inputs.now, logger, ...(githubToken ? { githubToken } : {}) }, bundle);
  core.endGroup();

  const reportPath = resolve(cwd, inputs.reportFile ?? join(env.RUNNER_TEMP ?? tmpdir(), "resilience-gates", "report.json"));
  write(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  const renderContext = { color: false, catalog: bundle.catalog, category: inputs.checkName };
  if (inputs.sarifFile) write(resolve(cwd, inputs.sarifFile), sarifReporter.render(report, renderContext));
  if (inputs.junitFile) write(resolve(cwd, inputs.junitFile), junitReporter.render(report, renderContext));

  const attestation = attestRelease({ report, gates: plan, bundleDigest: bundle.digest, now: inputs.now, base: config.workspace.base, version: toolVersion(), logger });
  if (attestation) core.setOutput("attestation-path", attestation);

  const notes: string[] = [];
  // Reporting that failed fails the step at the end, naming the gate: a required check would wait forever.
  const reportingFailures: string[] = [];
  let stepAnnotated = report.gates;
  if (context && inputs.checks) {
    const outcome = await publishChecks(report, {
      api,
      context,
      failOn: inputs.failOn,
      logger,
      maxAnnotations: inputs.maxAnnotations,
      checkName: inputs.checkName,
      ...(prepared.started ? { started: prepared.started } : {}),
    });
    const complete = new Set(outcome.checks.filter((check) => !check.problem).map((check) => check.gate));
    stepAnnotated = report.gates.filter((gate) => !complete.has(gate.id));
    if (outcome.stopped?.reason === "forbidden") {
      notes.push("", `> ℹ️ No check runs: the token may not write checks (${outcome.stopped.detail.split(":")[0]}), as on pull requests from forks. Findings are annotated on this step instead.`);
      logger.info(`check runs not written (read-only token): ${outcome.stopped.detail}; falling back to the job summary and step annotations`);
    }
    if (outcome.stopped?.reason === "rate-limited") {
      notes.push("", `> ⚠️ Check runs of ${outcome.stopped.gates.map((id) => `\`${id}\``).join(", ")} not written: the token's API rate limit is used up (${inline(outcome.stopped.detail)}). Re-run the job after the reset; findings are annotated on this step instead.`);
      reportingFailures.push(`check runs ${outcome.stopped.gates.map((id) => checkRunName(id, inputs.checkName)).join(", ")} not written: rate limited (${outcome.stopped.detail})`);
    }
    for (const failed of outcome.failed) {
      notes.push("", `> ⚠️ The check run of \`${failed.gate}\` could not be written: ${inline(failed.detail.slice(0, 300))}. Its findings are annotated on this step instead.`);
      reportingFailures.push(`check run ${checkRunName(failed.gate, inputs.checkName)} not written (${failed.detail.slice(0, 200)})`);
    }
    for (const check of outcome.checks) if (check.problem) notes.push("", `> ⚠️ The check run of \`${check.gate}\` is incomplete: ${inline(check.problem.slice(0, 300))}.`);
  }

  const verdictExit = exitCodeFor(report, inputs.failOn);
  const exitCode = reportingFailures.length > 0 ? Math.max(verdictExit, EXIT.error) : verdictExit;
  const failing = report.gates.filter((gate) => gate.verdict === "error" || gate.verdict === "block" || (inputs.failOn === "warn" && gate.verdict === "warn"));
  const failure =
    exitCode === EXIT.ok
      ? undefined
      : [
          ...(verdictExit === EXIT.ok ? [] : [`resilience-gates: ${report.verdict.toUpperCase()} (${failing.map((gate) => `${gate.id} ${gate.verdict}${gate.error ? `: ${gate.error}` : ""}`).join("; ")})`]),
          ...reportingFailures,
        ].join("; ");
  let announced = false;
  if (stepAnnotated.length > 0) {
    // GitHub shows 10 error annotations per step: the step's own reason goes first, or findings crowd it out.
    if (failure) {
      core.error(failure);
      announced = true;
    }
    for (const annotation of reportAnnotations({ ...report, gates: stepAnnotated }, ANNOTATIONS_PER_LEVEL, failure ? 1 : 0)) {
      const properties = {
        title: annotation.title,
        ...(annotation.file ? { file: annotation.file } : {}),
        ...(annotation.line ? { startLine: annotation.line } : {}),
        ...(annotation.endLine ? { endLine: annotation.endLine } : {}),
        ...(annotation.col ? { startColumn: annotation.col } : {}),
      };
      if (annotation.level === "error") core.error(annotation.message, properties);
      else if (annotation.level === "warning") core.warning(annotation.message, properties);
      else core.notice(annotation.message, properties);
    }
  }

  if (inputs.comment) await comment(report, context, api, logger, notes);

  const links = context ? { serverUrl: context.serverUrl, owner: context.owner, repo: context.repo, sha: context.sha } : undefined;
  if (env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(jobSummary(report, links, notes)).write();
  }

  core.setOutput("verdict", report.verdict);
  core.setOutput("report-path", reportPath);
  for (const gate of report.gates) core.setOutput(`verdict-${gate.id}`, gate.verdict);

  if (!failure) return { exitCode };
  return { exitCode, failure, ...(announced ? { announced } : {}) };
}

async function comment(report: Report, context: GitHubContext | undefined, api: GitHubApi | undefined, logger: Logger, notes: string[]): Promise<void> {
  if (!context?.pullRequest) {
    logger.info("comment: not a pull request event; no comment written");
    return;
  }
  if (!api) {
    logger.warn("comment: no github-token; no comment written");
    return;
  }
  const links = { serverUrl: context.serverUrl, owner: context.owner, repo: context.repo, sha: context.sha };
  try {
    const done = await upsertComment(api, context, commentBody(report, links, context.runUrl));
    logger.info(`comment ${done.action} on pull request #${context.pullRequest} as ${done.author}`);
  } catch (error) {
    if (error instanceof GitHubApiError) {
      notes.push("", `> ℹ️ The pull request comment could not be written (${error.forbidden ? "read-only token" : error.message.slice(0, 200)}).`);
      if (error.forbidden) logger.info(`comment not written (read-only token): ${error.message}`);
      else logger.warn(`comment not written: ${error.message}`);
      return;
    }
    throw error;
  }
}
