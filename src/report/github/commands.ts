import type { Finding, Report } from "../../engine/types.js";
import { describeResource } from "../console.js";
import type { Reporter } from "../reporter.js";

/** GitHub shows at most 10 error and 10 warning annotations of one step; more are dropped silently. */
export const ANNOTATIONS_PER_LEVEL = 10;

export type CommandLevel = "error" | "warning" | "notice";

export interface WorkflowAnnotation {
  level: CommandLevel;
  message: string;
  title?: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
}

/** `%`, CR and LF in a command's message, as the runner decodes them. */
export function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Property values also escape `:` and `,`, which separate properties. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function workflowCommand(annotation: WorkflowAnnotation): string {
  const properties: [string, string | number | undefined][] = [
    ["file", annotation.file],
    ["line", annotation.line],
    ["endLine", annotation.endLine],
    ["col", annotation.col],
    ["title", annotation.title],
  ];
  const list = properties.filter(([, value]) => value !== undefined && value !== "").map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `::${annotation.level}${list.length ? ` ${list.join(",")}` : ""}::${escapeData(annotation.message)}`;
}

export function findingAnnotation(finding: Finding, gateId: string): WorkflowAnnotation {
  const subject = describeResource(finding.resource);
  return {
    level: finding.audit ? "notice" : finding.severity === "block" ? "error" : "warning",
    title: `${finding.audit ? "[audit] " : ""}${gateId} ${finding.rule}: ${finding.title}`,
    message: `${subject ? `${subject}: ` : ""}${finding.message}\nfix: ${finding.remediation}`,
    ...(finding.location
      ? {
          file: finding.location.file,
          line: finding.location.line,
          ...(finding.location.endLine && finding.location.endLine !== finding.location.line ? { endLine: finding.location.endLine } : {}),
          ...(finding.location.column ? { col: finding.location.column } : {}),
        }
      : {}),
  };
}

/**
 * Workflow-command annotations for a report, at most 10 per level (block findings first, in report
 * order), then one notice that says how many were left out and where to read them. Gate errors come
 * first: they are what must be fixed before anything else. `reservedErrors` error slots are left for
 * lines the caller writes itself (the step's failure reason).
 */
export function reportAnnotations(report: Report, limit = ANNOTATIONS_PER_LEVEL, reservedErrors = 0): WorkflowAnnotation[] {
  const candidates: WorkflowAnnotation[] = [];
  for (const gate of report.gates) {
    if (gate.verdict === "error") candidates.push({ level: "error", title: `${gate.id} could not run`, message: gate.error ?? "error" });
  }
  for (const gate of report.gates) for (const finding of gate.findings) candidates.push(findingAnnotation(finding, gate.id));
  const kept: WorkflowAnnotation[] = [];
  const used = { error: 0, warning: 0, notice: 0 };
  let dropped = 0;
  for (const annotation of candidates) {
    if (used[annotation.level] < (annotation.level === "error" ? limit - reservedErrors : limit)) {
      used[annotation.level] += 1;
      kept.push(annotation);
    } else {
      dropped += 1;
    }
  }
  if (dropped > 0) {
    kept.push({
      level: "notice",
      title: "resilience-gates: more findings",
      message: `${dropped} more finding${dropped === 1 ? "" : "s"} not annotated here (GitHub shows ${limit} per level per step); the job summary lists every one.`,
    });
  }
  return kept;
}

/** `--format github`: workflow commands that annotate a workflow step, for use without the action. */
export const githubReporter: Reporter = {
  format: "github",
  render(report) {
    const lines = reportAnnotations(report).map(workflowCommand);
    lines.push(`resilience-gates: ${report.verdict.toUpperCase()} (${report.gates.map((gate) => `${gate.id} ${gate.verdict}`).join(", ")})`);
    return `${lines.join("\n")}\n`;
  },
};
