import type { Logger } from "../../engine/logger.js";
import type { Finding, GateResult, Report, Verdict } from "../../engine/types.js";
import { countFindings, describeResource } from "../console.js";
import { GitHubApiError, repoPath, type GitHubApi } from "./api.js";
import type { GitHubContext } from "./context.js";
import { CHECK_SUMMARY_LIMIT, checkRunSummary, inline, minimalCheckRunSummary, truncateBytes } from "./markdown.js";

/** The Checks API takes at most 50 annotations per request; more go in follow-up updates. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** Byte limits of the Checks API: annotation title 255, annotation message and details 64 KiB. */
const TITLE_BYTES = 255;
const DETAILS_BYTES = 64 * 1024;
/** Annotations written per check run by default (each 50 a request); the rest stay in the summary and SARIF. */
export const MAX_ANNOTATIONS = 500;

export type FailOn = "block" | "warn";
export type CheckConclusion = "success" | "neutral" | "failure";

/** The default `check-name`: the first part of every check run's name. */
export const DEFAULT_CHECK_NAME = "resilience-gates";

/**
 * `resilience-gates / migrations`: unique per gate, so branch protection can require each one. Another
 * `checkName` (the action's `check-name`) keeps two workflows on one commit (PR gates, kind e2e) apart.
 */
export function checkRunName(gateId: string, checkName = DEFAULT_CHECK_NAME): string {
  return `${checkName} / ${gateId}`;
}

/**
 * A gate's conclusion: that of its verdict, and neutral for a passing gate that has audit findings
 * (`mode: audit`: reported, not enforced). An error fails even in audit mode.
 */
export function gateConclusion(gate: GateResult, failOn: FailOn): CheckConclusion {
  const conclusion = conclusionOf(gate.verdict, failOn);
  return conclusion === "success" && gate.findings.some((finding) => finding.audit) ? "neutral" : conclusion;
}

/** pass → success; warn → neutral (failure with fail-on warn); block and error → failure. */
export function conclusionOf(verdict: Verdict, failOn: FailOn): CheckConclusion {
  if (verdict === "pass") return "success";
  if (verdict === "warn") return failOn === "warn" ? "failure" : "neutral";
  return "failure";
}

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  annotation_level: "notice" | "warning" | "failure";
  message: string;
  title: string;
  raw_details?: string;
}

/** Findings with a file and line become annotations; block → failure, warn → warning. */
export function annotationOf(finding: Finding): CheckAnnotation | undefined {
  if (!finding.location) return undefined;
  const { file, line, column, endLine } = finding.location;
  const end = endLine && endLine >= line ? endLine : line;
  const subject = describeResource(finding.resource);
  return {
    path: file,
    start_line: line,
    end_line: end,
    // The API takes columns only when the annotation stays on one line.
    ...(column && end === line ? { start_column: column } : {}),
    annotation_level: finding.audit ? "notice" : finding.severity === "block" ? "failure" : "warning",
    title: truncateBytes(`${finding.audit ? "[audit] " : ""}${finding.rule}: ${finding.title}`, TITLE_BYTES),
    message: truncateBytes(`${subject ? `${subject}: ` : ""}${finding.message}`, DETAILS_BYTES),
    ...(finding.remediation ? { raw_details: truncateBytes(`fix: ${finding.remediation}${finding.docs ? `\n\ndocs: ${finding.docs}` : ""}`, DETAILS_BYTES) } : {}),
  };
}

export interface PublishedCheck {
  gate: string;
  id: number;
  url?: string;
  annotations: number;
  /** The check run was written, but with less than it should carry (a minimal summary, annotations missing). */
  problem?: string;
}

export interface ChecksOutcome {
  checks: PublishedCheck[];
  /** Gates whose check run could not be written; the others were still tried. */
  failed: { gate: string; detail: string }[];
  /** Why check runs were not (all) tried: no token, a read-only token (fork pull requests), or the rate limit used up. */
  stopped?: { reason: "no-token" | "forbidden" | "rate-limited"; detail: string; gates: string[] };
}

/** Check runs created `in_progress` when the gates start, by gate id; completed by `publishChecks`. */
export interface StartedChecks {
  ids: Map<string, number>;
  /** Why not every gate got one (a read-only token, the rate limit): they are created when done instead. */
  stopped?: { reason: "forbidden" | "rate-limited"; detail: string };
}

/**
 * Creates one `in_progress` check run per gate before the gates run, so long gates (k6, drills, a trace)
 * show on the pull request at once. Best effort and without retries: a gate whose run could not be
 * started gets it created when done, and a read-only token (fork PRs) or an exhausted rate limit stops
 * the rest. `publishChecks` completes the started runs (PATCH) with the verdict.
 */
export async function startChecks(gateIds: readonly string[], request: Omit<ChecksRequest, "api" | "failOn"> & { api: GitHubApi }): Promise<StartedChecks> {
  const { api, context, logger } = request;
  const started: StartedChecks = { ids: new Map() };
  const base = repoPath(context.owner, context.repo);
  const startedAt = timestamp(request.now?.() ?? new Date());
  for (const gate of gateIds) {
    const name = checkRunName(gate, request.checkName);
    try {
      const created = await api.request<{ id: number }>("POST", `${base}/check-runs`, {
        name,
        head_sha: context.sha,
        status: "in_progress",
        started_at: startedAt,
        external_id: gate,
        ...(context.runUrl ? { details_url: context.runUrl } : {}),
        output: { title: "running", summary: runningSummary(gate, context.runUrl) },
      });
      started.ids.set(gate, created.id);
      logger.info(`check run ${name}: in progress`);
    } catch (error) {
      if (!(error instanceof GitHubApiError)) throw error;
      if (error.forbidden || error.rateLimited) {
        logger.info(`check runs not started (${error.rateLimited ? "rate limited" : "read-only token"}): ${error.message}`);
        return { ...started, stopped: { reason: error.rateLimited ? "rate-limited" : "forbidden", detail: error.message } };
      }
      logger.info(`check run ${name} not started (${error.message}); it is created when the gate is done`);
    }
  }
  return started;
}

function runningSummary(gate: string, runUrl: string | undefined): string {
  return `\`${gate}\` is running. This check run is completed with the verdict when the gate finishes${runUrl ? ` ([workflow run](${runUrl}))` : ""}.`;
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * Completes the started check runs of gates that have no verdict (the run failed before reporting), so
 * none is left `in_progress` for ever (a required check would wait on it). Never throws.
 */
export async function abandonChecks(started: StartedChecks, request: Omit<ChecksRequest, "api" | "failOn"> & { api: GitHubApi }, reason: string): Promise<void> {
  const base = repoPath(request.context.owner, request.context.repo);
  for (const [gate, id] of started.ids) {
    try {
      await request.api.request("PATCH", `${base}/check-runs/${id}`, {
        status: "completed",
        conclusion: "failure",
        completed_at: timestamp(request.now?.() ?? new Date()),
        output: {
          title: truncateBytes(`error: ${reason}`, TITLE_BYTES),
          summary: truncateBytes(
            `💥 **ERROR** · the run stopped before \`${gate}\` was reported: ${inline(reason)}${request.context.runUrl ? ` ([workflow run](${request.context.runUrl}))` : ""}.\n`,
            CHECK_SUMMARY_LIMIT,
          ),
        },
      });
    } catch (error) {
      request.logger.warn(`check run ${checkRunName(gate, request.checkName)} left in progress: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

export interface ChecksRequest {
  api: GitHubApi | undefined;
  context: GitHubContext;
  failOn: FailOn;
  logger: Logger;
  now?: () => Date;
  /** Annotations per check run (default 500); findings beyond it are listed in the summary and SARIF. */
  maxAnnotations?: number;
  /** The first part of the check runs' names (default resilience-gates). */
  checkName?: string;
  /** Check runs `startChecks` created in progress: these are completed (PATCH) instead of created. */
  started?: StartedChecks;
}

/**
 * One completed check run per gate, created with the first 50 annotations and updated (PATCH) with the
 * rest, 50 at a time. A read-only token (403: fork PRs, missing `checks: write`) is not a failure: the
 * caller falls back to the job summary and workflow-command annotations. Any other failure is one gate's:
 * a 422 (GitHub refused the output) is retried with a minimal summary, and the next gate is tried anyway.
 */
export async function publishChecks(report: Report, request: ChecksRequest): Promise<ChecksOutcome> {
  const { api, context, failOn, logger } = request;
  const outcome: ChecksOutcome = { checks: [], failed: [] };
  if (!api) return { ...outcome, stopped: { reason: "no-token", detail: "no github-token given", gates: report.gates.map((gate) => gate.id) } };
  const cap = request.maxAnnotations ?? MAX_ANNOTATIONS;
  const name = (gateId: string) => checkRunName(gateId, request.checkName);
  const base = repoPath(context.owner, context.repo);
  const links = { serverUrl: context.serverUrl, owner: context.owner, repo: context.repo, sha: context.sha };
  for (const [index, gate] of report.gates.entries()) {
    const located = gate.findings.map(annotationOf).filter((annotation): annotation is CheckAnnotation => annotation !== undefined);
    const annotations = located.slice(0, cap);
    const capped = located.length > cap ? [`> ℹ️ ${cap.toLocaleString("en-US")} of ${located.length.toLocaleString("en-US")} findings are annotated (input \`max-annotations\`); the list below and the SARIF have all of them.`] : [];
    const completedAt = timestamp(request.now?.() ?? new Date());
    const startedId = request.started?.ids.get(gate.id);
    const completion = { name: name(gate.id), status: "completed", conclusion: gateConclusion(gate, failOn), completed_at: completedAt, external_id: gate.id };
    const post = (output: Record<string, unknown>) =>
      api.request<{ id: number; html_url?: string }>("POST", `${base}/check-runs`, {
        head_sha: context.sha,
        ...completion,
        ...(context.runUrl ? { details_url: context.runUrl } : {}),
        output,
      });
    // A run started in progress is completed in place; one that has vanished since (404) is created anew.
    const create = async (output: Record<string, unknown>): Promise<{ id: number; html_url?: string }> => {
      if (startedId === undefined) return post(output);
      try {
        const updated = await api.request<{ id?: number; html_url?: string } | undefined>("PATCH", `${base}/check-runs/${startedId}`, { ...completion, output });
        return { id: startedId, ...(updated?.html_url ? { html_url: updated.html_url } : {}) };
      } catch (error) {
        if (error instanceof GitHubApiError && error.status === 404) return post(output);
        throw error;
      }
    };
    const output = { title: titleOf(gate), summary: checkRunSummary(gate, links, context.runUrl, capped) };
    let created: { id: number; html_url?: string };
    let problem: string | undefined;
    try {
      try {
        created = await create({ ...output, annotations: annotations.slice(0, ANNOTATIONS_PER_REQUEST) });
      } catch (error) {
        if (!(error instanceof GitHubApiError) || error.status !== 422) throw error;
        problem = `GitHub refused the full output (${error.message}); written with a minimal summary and no annotations`;
        logger.warn(`check run ${name(gate.id)}: ${problem}`);
        created = await create({ title: output.title, summary: minimalCheckRunSummary(gate, `HTTP 422: ${error.body.slice(0, 200)}`, context.runUrl) });
      }
    } catch (error) {
      if (!(error instanceof GitHubApiError)) throw error;
      const rest = report.gates.slice(index).map((left) => left.id);
      if (error.forbidden) return { ...outcome, stopped: { reason: "forbidden", detail: error.message, gates: rest } };
      if (error.rateLimited) return { ...outcome, stopped: { reason: "rate-limited", detail: error.message, gates: rest } };
      outcome.failed.push({ gate: gate.id, detail: error.message });
      logger.warn(`check run ${name(gate.id)} not written: ${error.message}`);
      continue;
    }
    let written = problem ? 0 : Math.min(annotations.length, ANNOTATIONS_PER_REQUEST);
    for (let start = ANNOTATIONS_PER_REQUEST; !problem && start < annotations.length; start += ANNOTATIONS_PER_REQUEST) {
      try {
        await api.request("PATCH", `${base}/check-runs/${created.id}`, { output: { ...output, annotations: annotations.slice(start, start + ANNOTATIONS_PER_REQUEST) } });
        written += Math.min(ANNOTATIONS_PER_REQUEST, annotations.length - start);
      } catch (error) {
        if (!(error instanceof GitHubApiError)) throw error;
        problem = `${annotations.length - written} of ${annotations.length} annotations not written (${error.message})`;
        logger.warn(`check run ${name(gate.id)}: ${problem}`);
      }
    }
    outcome.checks.push({ gate: gate.id, id: created.id, ...(created.html_url ? { url: created.html_url } : {}), annotations: written, ...(problem ? { problem } : {}) });
    logger.info(`check run ${name(gate.id)}: ${gateConclusion(gate, failOn)}, ${written} annotation${written === 1 ? "" : "s"}`);
  }
  return outcome;
}

function titleOf(gate: GateResult): string {
  if (gate.verdict === "error") return truncateBytes(`error: ${gate.error ?? "the gate could not run"}`, TITLE_BYTES);
  const { block, warn, audit } = countFindings(gate);
  const waived = gate.waived.length ? `, ${gate.waived.length} waived` : "";
  return `${gate.mode === "audit" ? "audit mode, " : ""}${gate.verdict}: ${block} blocking, ${warn} warning${audit ? `, ${audit} audit` : ""}${waived}`;
}
