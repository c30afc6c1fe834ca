import { formatLocation } from "../../engine/errors.js";
import type { Finding, GateResult, Report, Verdict } from "../../engine/types.js";
import { describeResource } from "../console.js";
import { blobUrl, type GitHubContext } from "./context.js";

/** The hidden marker that finds the one PR comment this tool keeps up to date. */
export const COMMENT_MARKER = "<!-- resilience-gates -->";
/** Checks API: `output.summary` and `output.text` take at most 65,535 characters. */
export const CHECK_SUMMARY_LIMIT = 65_535;
/** An issue comment body takes at most 65,536 characters. */
export const COMMENT_LIMIT = 65_536;
/** A step's job summary may be at most 1 MiB; stay below it. */
export const JOB_SUMMARY_BYTES = 1_000_000;

export const ICON: Record<Verdict, string> = { pass: "✅", warn: "⚠️", block: "❌", error: "💥" };

export type Links = Pick<GitHubContext, "serverUrl" | "owner" | "repo" | "sha"> | undefined;

/** Text from findings (resource names, messages) inside Markdown: no HTML, no table breaks. */
export function inline(text: string): string {
  return text
    .replace(/\r?\n/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|");
}

function link(text: string, url: string | undefined): string {
  return url ? `[${text}](${url})` : text;
}

function counts(gate: GateResult): string {
  if (gate.verdict === "error") return "could not run";
  const block = gate.findings.filter((finding) => finding.severity === "block").length;
  const warn = gate.findings.length - block;
  return gate.findings.length === 0 ? "0" : `${gate.findings.length} (${block} block, ${warn} warn)`;
}

export function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function verdictTable(report: Report): string[] {
  return [
    "| gate | verdict | findings | waived | duration |",
    "|---|---|---|---|---|",
    ...report.gates.map((gate) => `| \`${gate.id}\` | ${ICON[gate.verdict]} ${gate.verdict} | ${counts(gate)} | ${gate.waived.length} | ${duration(gate.durationMs)} |`),
  ];
}

function findingLine(finding: Finding, links: Links): string {
  const where = finding.location ? `L${finding.location.line}${finding.location.column ? `:${finding.location.column}` : ""}` : "—";
  const url = finding.location && links ? blobUrl(links, finding.location.file, finding.location.line) : undefined;
  const subject = describeResource(finding.resource);
  return `- ${link(where, url)} ${ICON[finding.severity]} **${finding.severity}** \`${finding.rule}\` ${inline(subject ? `${subject}: ${finding.message}` : finding.message)}`;
}

/** One entry per finding, grouped by file, each linked to its line; the fixes once per rule. */
export function findingsSection(gate: GateResult, links: Links): string[][] {
  const blocks: string[][] = [];
  const byFile = new Map<string, Finding[]>();
  for (const finding of gate.findings) {
    const key = finding.location?.file ?? "";
    byFile.set(key, [...(byFile.get(key) ?? []), finding]);
  }
  for (const [file, findings] of byFile) {
    const heading = file ? `**${link(inline(file), links ? blobUrl(links, file) : undefined)}**` : "**(no file)**";
    blocks.push(["", heading, ...findings.map((finding) => findingLine(finding, links))]);
  }
  const rules = new Map(gate.findings.map((finding) => [finding.rule, finding]));
  if (rules.size > 0) {
    const fixes = ["", "<details><summary>How to fix</summary>", ""];
    for (const finding of rules.values()) {
      fixes.push(`**\`${finding.rule}\` ${inline(finding.title)}**${finding.docs && /^https?:/.test(finding.docs) ? ` ([docs](${finding.docs}))` : ""}`, "", finding.remediation, "");
    }
    fixes.push("</details>");
    blocks.push(fixes);
  }
  return blocks;
}

export function waiversSection(gate: GateResult, links: Links): string[] {
  if (gate.waived.length === 0) return [];
  return [
    "",
    `**Waivers applied (${gate.waived.length})** — the audit trail`,
    "",
    "| rule | finding | reason | owner | expires | ticket | waiver |",
    "|---|---|---|---|---|---|---|",
    ...gate.waived.map(({ finding, waiver }) => {
      const where = finding.location ? link(inline(formatLocation(finding.location)), links ? blobUrl(links, finding.location.file, finding.location.line) : undefined) : inline(describeResource(finding.resource));
      const source = link(inline(formatLocation(waiver.source)), links ? blobUrl(links, waiver.source.file, waiver.source.line) : undefined);
      return `| \`${finding.rule}\` | ${where} | ${inline(waiver.reason)} | ${inline(waiver.owner)} | ${waiver.expires} | ${inline(waiver.ticket ?? "")} | ${source} |`;
    }),
  ];
}

/** Joins blocks of lines until the budget is spent, then says what was cut. */
export function fitBlocks(
  head: string[],
  blocks: string[][],
  limit: number,
  measure: (text: string) => number,
  cutNote: (shown: number, total: number) => string,
): string {
  let text = head.join("\n");
  const reserve = 600;
  let shown = 0;
  for (const block of blocks) {
    const next = `${text}\n${block.join("\n")}`;
    if (measure(next) + reserve > limit) break;
    text = next;
    shown += 1;
  }
  if (shown < blocks.length) text = `${text}\n\n${cutNote(shown, blocks.length)}`;
  // The note itself must fit too; cut hard as a last resort.
  while (measure(text) > limit) text = text.slice(0, Math.max(0, text.length - Math.max(1, measure(text) - limit)));
  return `${text}\n`;
}

const characters = (text: string) => text.length;
const bytes = (text: string) => Buffer.byteLength(text, "utf8");

function gateBlocks(gate: GateResult, links: Links, level: string): string[][] {
  const blocks: string[][] = [[`${level} ${ICON[gate.verdict]} \`${gate.id}\` — ${gate.verdict}`]];
  if (gate.error) blocks.push(["", `> **error:** ${inline(gate.error)}`]);
  blocks.push(...findingsSection(gate, links));
  const waivers = waiversSection(gate, links);
  if (waivers.length > 0) blocks.push(waivers);
  return blocks;
}

/** The job summary: verdict table, findings by file with links, waivers applied, durations. */
export function jobSummary(report: Report, links: Links, extra: string[] = []): string {
  const head = [`## ${ICON[report.verdict]} resilience-gates: ${report.verdict.toUpperCase()}`, "", ...verdictTable(report), ...extra];
  const blocks = report.gates.filter((gate) => gate.findings.length > 0 || gate.waived.length > 0 || gate.error).flatMap((gate) => [[""], ...gateBlocks(gate, links, "###")]);
  return fitBlocks(head, blocks, JOB_SUMMARY_BYTES, bytes, (shown, total) => `> ✂️ The job summary was cut at ${JOB_SUMMARY_BYTES.toLocaleString("en-US")} bytes: ${total - shown} of ${total} sections left out. The JSON report (output \`report-path\`) has every finding.`);
}

/** One gate's check-run summary, at most 65,535 characters, saying when it was cut. */
export function checkRunSummary(gate: GateResult, links: Links, runUrl?: string): string {
  const head = [
    `${ICON[gate.verdict]} **${gate.verdict.toUpperCase()}** · ${counts(gate)} finding${gate.findings.length === 1 ? "" : "s"} · ${gate.waived.length} waived · ${duration(gate.durationMs)}`,
  ];
  const blocks = gateBlocks(gate, links, "###").slice(1);
  return fitBlocks(head, blocks, CHECK_SUMMARY_LIMIT, characters, (shown, total) =>
    `> ✂️ This summary was cut at ${CHECK_SUMMARY_LIMIT.toLocaleString("en-US")} characters (GitHub's limit): ${total - shown} of ${total} sections left out. ${runUrl ? `The [job summary](${runUrl}) and` : "The"} JSON report list every finding.`,
  );
}

/** The PR comment: the marker, the verdict table and the findings, within GitHub's comment limit. */
export function commentBody(report: Report, links: Links, runUrl?: string): string {
  const head = [
    COMMENT_MARKER,
    `### ${ICON[report.verdict]} resilience-gates: ${report.verdict.toUpperCase()}`,
    "",
    ...verdictTable(report),
    ...(runUrl ? ["", `[Workflow run](${runUrl})${links ? ` · commit \`${links.sha.slice(0, 7)}\`` : ""}`] : []),
  ];
  const blocks = report.gates.filter((gate) => gate.findings.length > 0 || gate.waived.length > 0 || gate.error).flatMap((gate) => [[""], ...gateBlocks(gate, links, "####")]);
  return fitBlocks(head, blocks, COMMENT_LIMIT, characters, (shown, total) => `> ✂️ Cut at GitHub's comment limit: ${total - shown} of ${total} sections left out.${runUrl ? ` The [job summary](${runUrl}) lists every finding.` : ""}`);
}
