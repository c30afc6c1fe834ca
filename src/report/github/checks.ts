import type { Logger } from "../../engine/logger.js";
import type { Finding, GateResult, Report, Verdict } from "../../engine/types.js";
import { describeResource } from "../console.js";
import { GitHubApiError, repoPath, type GitHubApi } from "./api.js";
import type { GitHubContext } from "./context.js";
import { checkRunSummary } from "./markdown.js";

/** The Checks API takes at most 50 annotations per request; more go in follow-up updates. */
export const ANNOTATIONS_PER_REQUEST = 50;

export type FailOn = "block" | "warn";
export type CheckConclusion = "success" | "neutral" | "failure";

/** `resilience-gates / migrations`: unique per gate, so branch protection can require each one. */
export function checkRunName(gateId: string): string {
  return `resilience-gates / ${gateId}`;
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
    annotation_level: finding.severity === "block" ? "failure" : "warning",
    title: `${finding.rule}: ${finding.title}`.slice(0, 255),
    message: `${subject ? `${subject}: ` : ""}${finding.message}`.slice(0, 64 * 1024),
    ...(finding.remediation ? { raw_details: `fix: ${finding.remediation}${finding.docs ? `\n\ndocs: ${finding.docs}` : ""}`.slice(0, 64 * 1024) } : {}),
  };
}

export interface PublishedCheck {
  gate: string;
  id: number;
  url?: string;
  annotations: number;
}

export type ChecksOutcome =
  | { published: true; checks: PublishedCheck[] }
  | { published: false; reason: "no-token" | "forbidden" | "failed"; detail: string; checks: PublishedCheck[] };

export interface ChecksRequest {
  api: GitHubApi | undefined;
  context: GitHubContext;
  failOn: FailOn;
  logger: Logger;
  now?: () => Date;
}

/**
 * One completed check run per gate, created with the first 50 annotations and updated (PATCH) with the
 * rest, 50 at a time. A read-only token (403: fork PRs, missing `checks: write`) is not a failure: the
 * caller falls back to the job summary and workflow-command annotations.
 */
export async function publishChecks(report: Report, request: ChecksRequest): Promise<ChecksOutcome> {
  const { api, context, failOn, logger } = request;
  if (!api) return { published: false, reason: "no-token", detail: "no github-token given", checks: [] };
  const checks: PublishedCheck[] = [];
  const base = repoPath(context.owner, context.repo);
  const links = { serverUrl: context.serverUrl, owner: context.owner, repo: context.repo, sha: context.sha };
  try {
    for (const gate of report.gates) {
      const annotations = gate.findings.map(annotationOf).filter((annotation): annotation is CheckAnnotation => annotation !== undefined);
      const output = { title: titleOf(gate), summary: checkRunSummary(gate, links, context.runUrl) };
      const completedAt = (request.now?.() ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
      const created = await api.request<{ id: number; html_url?: string }>("POST", `${base}/check-runs`, {
        name: checkRunName(gate.id),
        head_sha: context.sha,
        status: "completed",
        conclusion: conclusionOf(gate.verdict, failOn),
        completed_at: completedAt,
        external_id: gate.id,
        ...(context.runUrl ? { details_url: context.runUrl } : {}),
        output: { ...output, annotations: annotations.slice(0, ANNOTATIONS_PER_REQUEST) },
      });
      for (let start = ANNOTATIONS_PER_REQUEST; start < annotations.length; start += ANNOTATIONS_PER_REQUEST) {
        await api.request("PATCH", `${base}/check-runs/${created.id}`, {
          output: { ...output, annotations: annotations.slice(start, start + ANNOTATIONS_PER_REQUEST) },
        });
      }
      checks.push({ gate: gate.id, id: created.id, ...(created.html_url ? { url: created.html_url } : {}), annotations: annotations.length });
      logger.info(`check run ${checkRunName(gate.id)}: ${conclusionOf(gate.verdict, failOn)}, ${annotations.length} annotation${annotations.length === 1 ? "" : "s"}`);
    }
  } catch (error) {
    if (error instanceof GitHubApiError) {
      return { published: false, reason: error.forbidden ? "forbidden" : "failed", detail: error.message, checks };
    }
    throw error;
  }
  return { published: true, checks };
}

function titleOf(gate: GateResult): string {
  if (gate.verdict === "error") return `error: ${gate.error ?? "the gate could not run"}`.slice(0, 200);
  const block = gate.findings.filter((finding) => finding.severity === "block").length;
  const warn = gate.findings.length - block;
  const waived = gate.waived.length ? `, ${gate.waived.length} waived` : "";
  return `${gate.verdict}: ${block} blocking, ${warn} warning${waived}`;
}
