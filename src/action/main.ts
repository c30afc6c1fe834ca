import { mkdirSync, writeFileSync } from "node:fs";
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
import { GitHubApi, GitHubApiError } from "../report/github/api.js";
import { publishChecks, type FailOn } from "../report/github/checks.js";
import { reportAnnotations } from "../report/github/commands.js";
import { upsertComment } from "../report/github/comment.js";
import { githubContextFromEnv, type GitHubContext } from "../report/github/context.js";
import { commentBody, jobSummary } from "../report/github/markdown.js";
import { junitReporter } from "../report/junit.js";
import { toolVersion } from "../report/links.js";
import { sarifReporter } from "../report/sarif.js";
import { EXIT, type ActionOutcome } from "./wrapper.js";

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
  const nowText = core.getInput("now");
  const now = nowText ? new Date(nowText) : new Date();
  if (Number.isNaN(now.getTime())) throw new ConfigurationError(`input now must be an ISO 8601 time, not ${nowText}`);
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
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (error) {
    throw new ConfigurationError(`cannot write ${path}: ${(error as Error).message}`);
  }
}

/** Runs the configured (or named) gates and reports them where a GitHub user looks. */
export async function main(inputs: ActionInputs = readInputs(), env: NodeJS.ProcessEnv = process.env): Promise<ActionOutcome> {
  const logger = actionLogger;
  // The release gate reads check runs with the same token; collectors read the environment, not inputs.
  if (inputs.token && !env.GITHUB_TOKEN) env.GITHUB_TOKEN = inputs.token;
  if (inputs.token) core.setSecret(inputs.token);

  const cwd = process.cwd();
  const config = loadConfig({ cwd, ...(inputs.config ? { config: inputs.config } : {}) });
  const named = inputs.gate ? [inputs.gate] : inputs.gates.length > 0 ? inputs.gates : defaultGates(config.gates, env);
  const plan = planGates(named, {}, config.gates, config.file);
  core.startGroup(`resilience-gates ${toolVersion()}: ${plan.map(([id]) => id).join(", ")}`);
  const bundle = await loadBundle(config, logger);
  const report = await runGates({ config, gates: plan, now: inputs.now, logger }, bundle);
  core.endGroup();

  const reportPath = resolve(cwd, inputs.reportFile ?? join(env.RUNNER_TEMP ?? tmpdir(), "resilience-gates", "report.json"));
  write(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  const renderContext = { color: false, catalog: bundle.catalog };
  if (inputs.sarifFile) write(resolve(cwd, inputs.sarifFile), sarifReporter.render(report, renderContext));
  if (inputs.junitFile) write(resolve(cwd, inputs.junitFile), junitReporter.render(report, renderContext));

  const attestation = attestRelease({ report, gates: plan, bundleDigest: bundle.digest, now: inputs.now, base: config.workspace.base, version: toolVersion(), logger });
  if (attestation) core.setOutput("attestation-path", attestation);

  const context = githubContextFromEnv(env);
  const api = context && inputs.token ? new GitHubApi({ apiUrl: context.apiUrl, token: inputs.token }) : undefined;
  const notes: string[] = [];
  let annotateInStep = true;
  if (context && inputs.checks) {
    const outcome = await publishChecks(report, { api, context, failOn: inputs.failOn, logger });
    if (outcome.published) {
      annotateInStep = false;
    } else if (outcome.reason === "forbidden") {
      notes.push("", `> ℹ️ No check runs: the token may not write checks (${outcome.detail.split(":")[0]}), as on pull requests from forks. Findings are annotated on this step instead.`);
      logger.info(`check runs not written (read-only token): ${outcome.detail}; falling back to the job summary and step annotations`);
    } else if (outcome.reason === "failed") {
      notes.push("", `> ⚠️ Check runs could not be written: ${outcome.detail.slice(0, 300)}. Findings are annotated on this step instead.`);
      logger.warn(`check runs not written: ${outcome.detail}`);
    }
  }
  if (annotateInStep) {
    for (const annotation of reportAnnotations(report)) {
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

  const exitCode = exitCodeFor(report, inputs.failOn);
  if (exitCode === EXIT.ok) return { exitCode };
  const failing = report.gates.filter((gate) => gate.verdict === "error" || gate.verdict === "block" || (inputs.failOn === "warn" && gate.verdict === "warn"));
  return { exitCode, failure: `resilience-gates: ${report.verdict.toUpperCase()} (${failing.map((gate) => `${gate.id} ${gate.verdict}${gate.error ? `: ${gate.error}` : ""}`).join("; ")})` };
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
    logger.info(`comment ${done.action} on pull request #${context.pullRequest}`);
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
