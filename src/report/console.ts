import { formatLocation } from "../engine/errors.js";
import type { Finding, GateResult, ResourceRef, Verdict } from "../engine/types.js";
import type { Reporter } from "./reporter.js";

const COLORS: Record<Verdict | "dim" | "bold", string> = {
  pass: "\u001b[32m",
  warn: "\u001b[33m",
  block: "\u001b[31m",
  error: "\u001b[35m",
  dim: "\u001b[2m",
  bold: "\u001b[1m",
};

export function describeResource(resource: ResourceRef | undefined): string {
  if (!resource) return "";
  return `${resource.kind} ${resource.namespace ? `${resource.namespace}/` : ""}${resource.name}`;
}

/** Findings grouped by file, in line order, each with the fix; then the waivers that were applied. */
export const consoleReporter: Reporter = {
  format: "console",
  render(report, context) {
    const paint = (style: keyof typeof COLORS, text: string) => (context.color ? `${COLORS[style]}${text}\u001b[0m` : text);
    const lines: string[] = [];
    for (const gate of report.gates) {
      lines.push(`${paint("bold", gate.id)}  ${paint(gate.verdict, gate.verdict.toUpperCase())}${gate.mode === "audit" ? " (audit mode)" : ""}  ${summary(gate)}`);
      if (gate.error) lines.push(`  ${paint("error", "error:")} ${gate.error}`);
      for (const [file, findings] of groupByFile(gate.findings)) {
        lines.push("", `  ${paint("bold", file)}`);
        for (const finding of findings) {
          const where = finding.location ? `${finding.location.line}:${finding.location.column ?? 1}` : "-";
          const subject = describeResource(finding.resource);
          lines.push(
            `    ${where.padEnd(8)}${finding.audit ? paint("dim", "audit ") : paint(finding.severity, finding.severity.padEnd(6))}${finding.rule.padEnd(11)}${subject ? `${subject}: ` : ""}${finding.message}`,
          );
          remediationLines(finding.remediation).forEach((text, index) => {
            lines.push(`    ${" ".repeat(25)}${paint("dim", index === 0 ? `fix: ${text}` : `     ${text}`)}`);
          });
        }
      }
      if (gate.waived.length > 0) {
        lines.push("", `  waived (${gate.waived.length}):`);
        for (const { finding, waiver } of gate.waived) {
          const where = finding.location ? formatLocation(finding.location) : describeResource(finding.resource);
          lines.push(
            `    ${finding.rule} ${where} — ${waiver.reason} (owner ${waiver.owner}, expires ${waiver.expires}${waiver.ticket ? `, ${waiver.ticket}` : ""}; ${formatLocation(waiver.source)})`,
          );
        }
      }
      lines.push("");
    }
    lines.push(`Result: ${paint(report.verdict, report.verdict.toUpperCase())}`);
    return `${lines.join("\n")}\n`;
  },
};

/** Remediation is Markdown; on a terminal the code fences go and the snippet stays indented. */
function remediationLines(remediation: string): string[] {
  return remediation
    .split("\n")
    .filter((line) => !line.trim().startsWith("```"))
    .map((line) => line.trimEnd())
    .filter((line, index, all) => line !== "" || (index > 0 && index < all.length - 1));
}

/** A gate's findings by what they do: block, warn, or (mode: audit) only reported. */
export function countFindings(gate: GateResult): { block: number; warn: number; audit: number } {
  const enforced = gate.findings.filter((finding) => !finding.audit);
  const block = enforced.filter((finding) => finding.severity === "block").length;
  return { block, warn: enforced.length - block, audit: gate.findings.length - enforced.length };
}

function summary(gate: GateResult): string {
  const { block, warn, audit } = countFindings(gate);
  const parts = [`${gate.findings.length} finding${gate.findings.length === 1 ? "" : "s"}${gate.findings.length ? ` (${block} block, ${warn} warn${audit ? `, ${audit} audit` : ""})` : ""}`];
  if (gate.waived.length) parts.push(`${gate.waived.length} waived`);
  if (gate.stats.workloads !== undefined) parts.push(`${gate.stats.workloads} workloads`);
  parts.push(`${gate.durationMs} ms`);
  return parts.join(" · ");
}

function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = finding.location?.file ?? "(no file)";
    const group = groups.get(key) ?? [];
    group.push(finding);
    groups.set(key, group);
  }
  return groups;
}
