import { formatLocation } from "../../engine/errors.js";
import type { Finding, GateResult, Report, Verdict } from "../../engine/types.js";
import { countFindings, describeResource } from "../console.js";
import { blobUrl, type GitHubContext } from "./context.js";

/** The hidden marker that finds the one PR comment this tool keeps up to date. */
export const COMMENT_MARKER = "<!-- resilience-gates -->";
/** Checks API: `output.summary` and `output.text` take at most 65,535 bytes of UTF-8 (a 422 otherwise). */
export const CHECK_SUMMARY_LIMIT = 65_535;
/** An issue comment body: 65,536 at most; counted in bytes, which is never fewer than characters. */
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
  const { block, warn, audit } = countFindings(gate);
  return gate.findings.length === 0 ? "0" : `${gate.findings.length} (${block} block, ${warn} warn${audit ? `, ${audit} audit` : ""})`;
}

/** The verdict cell: an audit-mode gate says so, since its findings do not block. */
function verdictCell(gate: GateResult): string {
  return `${ICON[gate.verdict]} ${gate.verdict}${gate.mode === "audit" ? " (audit)" : ""}`;
}

export function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function verdictTable(report: Report): string[] {
  return [
    "| gate | verdict | findings | waived | duration |",
    "|---|---|---|---|---|",
    ...report.gates.map((gate) => `| \`${gate.id}\` | ${verdictCell(gate)} | ${counts(gate)} | ${gate.waived.length} | ${duration(gate.durationMs)} |`),
  ];
}

function findingLine(finding: Finding, links: Links): string {
  const where = finding.location ? `L${finding.location.line}${finding.location.column ? `:${finding.location.column}` : ""}` : "—";
  const url = finding.location && links ? blobUrl(links, finding.location.file, finding.location.line) : undefined;
  const subject = describeResource(finding.resource);
  const label = finding.audit ? `🔍 **audit** (${finding.severity})` : `${ICON[finding.severity]} **${finding.severity}**`;
  return `- ${link(where, url)} ${label} \`${finding.rule}\` ${inline(subject ? `${subject}: ${finding.message}` : finding.message)}`;
}

/** A named part of a report, cut line by line when it does not fit; `close` lines stay with any part kept. */
export interface Section {
  name: string;
  lines: string[];
  close?: string[];
}

/** The findings grouped by file, each linked to its line (one section: cut by line); then the fixes once per rule. */
export function findingsSection(gate: GateResult, links: Links): Section[] {
  const sections: Section[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const finding of gate.findings) {
    const key = finding.location?.file ?? "";
    byFile.set(key, [...(byFile.get(key) ?? []), finding]);
  }
  const lines: string[] = [];
  for (const [file, findings] of byFile) {
    const heading = file ? `**${link(inline(file), links ? blobUrl(links, file) : undefined)}**` : "**(no file)**";
    lines.push("", heading, ...findings.map((finding) => findingLine(finding, links)));
  }
  if (lines.length > 0) sections.push({ name: `${gate.id} findings`, lines });
  const rules = new Map(gate.findings.map((finding) => [finding.rule, finding]));
  if (rules.size > 0) {
    const fixes = ["", "<details><summary>How to fix</summary>", ""];
    for (const finding of rules.values()) {
      fixes.push(`**\`${finding.rule}\` ${inline(finding.title)}**${finding.docs && /^https?:/.test(finding.docs) ? ` ([docs](${finding.docs}))` : ""}`, "", finding.remediation, "");
    }
    sections.push({ name: `${gate.id} fixes`, lines: fixes, close: ["</details>"] });
  }
  return sections;
}

export function waiversSection(gate: GateResult, links: Links): Section[] {
  if (gate.waived.length === 0) return [];
  const lines = [
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
  return [{ name: `${gate.id} waivers`, lines }];
}

/** UTF-8 bytes: GitHub's limits on check-run output and comment bodies count bytes, not UTF-16 units. */
export const byteLength = (text: string): number => Buffer.byteLength(text, "utf8");

/** The longest prefix of `text` within `limit` UTF-8 bytes, never splitting a character. */
export function truncateBytes(text: string, limit: number): string {
  if (byteLength(text) <= limit) return text;
  const bytes = Buffer.from(text, "utf8");
  let end = Math.max(0, limit);
  // Back up to the start of a character: continuation bytes are 10xxxxxx.
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end -= 1;
  return bytes.subarray(0, end).toString("utf8");
}

/** What a cut section says in place of its missing lines. */
export type CutNote = (omitted: number, section: string) => string;

const joined = (lines: readonly string[]): number => lines.reduce((sum, line) => sum + byteLength(line) + 1, 0);

/**
 * The head, then every section within `limit` bytes. When they do not all fit, every section gets the
 * same cap (the largest that fits): small sections stay whole, oversized ones are cut line by line and
 * say how many lines were left out, so one file with thousands of findings never hides the rest.
 */
export function fitSections(head: string[], sections: Section[], limit: number, cutNote: CutNote): string {
  const headText = head.join("\n");
  const sizes = sections.map((section) => joined(section.lines) + joined(section.close ?? []));
  const budget = limit - byteLength(headText) - 2;
  const total = sizes.reduce((sum, size) => sum + size, 0);
  let text = headText;
  if (total <= budget) {
    for (const section of sections) text += `\n${[...section.lines, ...(section.close ?? [])].join("\n")}`;
    return `${truncateBytes(text, limit - 1)}\n`;
  }
  const noteBytes = (section: Section) => byteLength(cutNote(section.lines.length, section.name)) + 4;
  const spent = (cap: number) => sizes.reduce((sum, size, i) => sum + (size <= cap ? size : Math.min(size, cap + noteBytes(sections[i]!))), 0);
  let low = 0;
  let high = Math.max(...sizes);
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (spent(middle) <= budget) low = middle;
    else high = middle - 1;
  }
  sections.forEach((section, i) => {
    if (sizes[i]! <= low) {
      text += `\n${[...section.lines, ...(section.close ?? [])].join("\n")}`;
      return;
    }
    let room = low - joined(section.close ?? []);
    const kept: string[] = [];
    for (const line of section.lines) {
      const size = byteLength(line) + 1;
      if (size > room) break;
      kept.push(line);
      room -= size;
    }
    const omitted = section.lines.length - kept.length;
    text += `\n${[...kept, "", cutNote(omitted, section.name), ...(section.close ?? [])].join("\n")}`;
  });
  // A last resort that cannot cut a character in half; the budget above keeps it from biting.
  return `${truncateBytes(text, limit - 1)}\n`;
}

function gateSections(gate: GateResult, links: Links, level: string): Section[] {
  const sections: Section[] = [{ name: `${gate.id} heading`, lines: ["", `${level} ${ICON[gate.verdict]} \`${gate.id}\` — ${gate.verdict}`] }];
  if (gate.error) sections.push({ name: `${gate.id} error`, lines: ["", `> **error:** ${inline(gate.error)}`] });
  sections.push(...findingsSection(gate, links), ...waiversSection(gate, links));
  return sections;
}

const cutLines =
  (where: string): CutNote =>
  (omitted, section) =>
    `> ✂️ ${omitted.toLocaleString("en-US")} line${omitted === 1 ? "" : "s"} of section ${inline(section)} left out (${where}); full list in SARIF/JSON.`;

function reportSections(report: Report, links: Links, level: string): Section[] {
  return report.gates
    .filter((gate) => gate.findings.length > 0 || gate.waived.length > 0 || gate.error)
    .flatMap((gate) => gateSections(gate, links, level));
}

/** The job summary: verdict table, findings by file with links, waivers applied, durations. */
export function jobSummary(report: Report, links: Links, extra: string[] = []): string {
  const head = [`## ${ICON[report.verdict]} resilience-gates: ${report.verdict.toUpperCase()}`, "", ...verdictTable(report), ...extra];
  return fitSections(head, reportSections(report, links, "###"), JOB_SUMMARY_BYTES, cutLines(`job summary limit, ${JOB_SUMMARY_BYTES.toLocaleString("en-US")} bytes; the JSON report at output \`report-path\` has every finding`));
}

/** One gate's check-run summary, at most 65,535 bytes, saying what was cut. */
export function checkRunSummary(gate: GateResult, links: Links, runUrl?: string, notes: string[] = []): string {
  const head = [
    `${ICON[gate.verdict]} **${gate.verdict.toUpperCase()}** · ${counts(gate)} finding${gate.findings.length === 1 ? "" : "s"} · ${gate.waived.length} waived · ${duration(gate.durationMs)}`,
    ...notes.flatMap((note) => ["", note]),
  ];
  return fitSections(head, gateSections(gate, links, "###").slice(1), CHECK_SUMMARY_LIMIT, cutLines(`GitHub's check-run limit, ${CHECK_SUMMARY_LIMIT.toLocaleString("en-US")} bytes${runUrl ? `; also in the [job summary](${runUrl})` : ""}`));
}

/** The smallest summary of a gate, for a check run whose full output GitHub refused. */
export function minimalCheckRunSummary(gate: GateResult, refusal: string, runUrl?: string): string {
  return truncateBytes(
    `${ICON[gate.verdict]} **${gate.verdict.toUpperCase()}** · ${counts(gate)} finding${gate.findings.length === 1 ? "" : "s"} · ${gate.waived.length} waived\n\n` +
      `GitHub refused the full summary and annotations (${inline(refusal)}). ${runUrl ? `The [job summary](${runUrl}), the` : "The"} SARIF and the JSON report list every finding.\n`,
    CHECK_SUMMARY_LIMIT,
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
  return fitSections(head, reportSections(report, links, "####"), COMMENT_LIMIT, cutLines(`GitHub's comment limit${runUrl ? `; also in the [job summary](${runUrl})` : ""}`));
}
