import { ConfigurationError, describeThrown } from "../../engine/errors.js";
import type { SourceLocation } from "../../engine/types.js";
import { parsePrometheusDuration } from "../../sources/duration.js";
import { displayPath, expandGlobs, type Workspace } from "../../sources/files.js";
import { getPath, isRecord, locateInDocument, type ManifestObject } from "../../sources/kubernetes.js";
import { readYamlFile, type PathSegment } from "../../sources/yaml.js";

/** Labels that tie an alert to the SLO objective it guards. */
export const SLO_LABEL = "slo";
export const OBJECTIVE_LABEL = "objective";

/** A file (or PrometheusRule object) of Prometheus rule groups. */
export interface RuleSource {
  /** Repository-relative file the groups are written in. */
  file: string;
  /** The file promtool reads: the rule file itself, or undefined for a PrometheusRule (its spec is written out). */
  absolute?: string;
  /** The PrometheusRule's name, when the groups come from one. */
  object?: string;
  groups: unknown;
  locate(path: readonly PathSegment[]): SourceLocation;
}

export interface RuleFact {
  source: RuleSource;
  kind: "alert" | "record";
  name: string;
  expr: string;
  group: string;
  /** Index of the group in its source, and of the rule in its group. */
  groupIndex: number;
  index: number;
  forSeconds: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** The rule node as written (for writing a promtool test's rule file). */
  raw: Record<string, unknown>;
  locate(path: readonly PathSegment[]): SourceLocation;
}

/** Rule files of the globs, then the spec of every PrometheusRule among the objects. */
export function readRuleSources(workspace: Workspace, globs: readonly string[], objects: readonly ManifestObject[], errors: string[]): RuleSource[] {
  const sources: RuleSource[] = [];
  for (const absolute of expandGlobs(workspace, globs, { what: "Prometheus rule" })) {
    const shown = displayPath(workspace, absolute);
    try {
      for (const document of readYamlFile(workspace, absolute, shown)) {
        if (document.value === null || document.value === undefined) continue;
        const locate = (path: readonly PathSegment[]) => locateInDocument(document, path);
        if (!isRecord(document.value) || !Array.isArray(document.value.groups)) {
          errors.push(`${shown}:${locate([]).line}: a Prometheus rule file is a mapping with a \`groups:\` list`);
          continue;
        }
        sources.push({ file: shown, absolute, groups: document.value.groups, locate });
      }
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      errors.push(describeThrown(error));
    }
  }
  for (const manifest of objects) {
    if (manifest.ref.kind !== "PrometheusRule" || !manifest.apiVersion.startsWith("monitoring.coreos.com/")) continue;
    const groups = getPath(manifest.object, ["spec", "groups"]);
    const where = manifest.locate(["spec", "groups"]);
    if (!where) continue; // a live object the repository does not write: judged by the cluster's own admission
    if (!Array.isArray(groups)) {
      errors.push(`${where.file}:${where.line}: PrometheusRule ${manifest.ref.name} has no spec.groups list`);
      continue;
    }
    sources.push({
      file: where.file,
      object: manifest.ref.name,
      groups,
      locate: (path) => manifest.locate(["spec", ...path]) ?? where,
    });
  }
  return sources;
}

function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isRecord(value)) for (const [key, entry] of Object.entries(value)) if (typeof entry === "string" || typeof entry === "number" || typeof entry === "boolean") out[key] = String(entry);
  return out;
}

/** Every rule of the sources with a string expr (promtool judges the rest). */
export function rulesOf(sources: readonly RuleSource[]): RuleFact[] {
  const facts: RuleFact[] = [];
  for (const source of sources) {
    (source.groups as unknown[]).forEach((group, groupIndex) => {
      if (!isRecord(group) || !Array.isArray(group.rules)) return;
      const groupName = typeof group.name === "string" ? group.name : `group ${groupIndex + 1}`;
      group.rules.forEach((rule, index) => {
        if (!isRecord(rule) || typeof rule.expr !== "string" && typeof rule.expr !== "number") return;
        const alert = typeof rule.alert === "string" ? rule.alert : undefined;
        const record = typeof rule.record === "string" ? rule.record : undefined;
        if (!alert && !record) return;
        const forText = typeof rule.for === "string" ? rule.for : "0s";
        facts.push({
          source,
          kind: alert ? "alert" : "record",
          name: (alert ?? record) as string,
          expr: String(rule.expr),
          group: groupName,
          groupIndex,
          index,
          forSeconds: parsePrometheusDuration(forText) ?? 0,
          labels: stringRecord(rule.labels),
          annotations: stringRecord(rule.annotations),
          raw: rule,
          locate: (path) => source.locate(["groups", groupIndex, "rules", index, ...path]),
        });
      });
    });
  }
  return facts;
}

/** The expression without its string literals (label values), so words and numbers inside them do not count. */
function withoutStrings(expr: string): string {
  return expr.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""');
}

/** Range and subquery windows (`[5m]`, `[1h:1m]`), in seconds. */
function rangesOf(expr: string): number[] {
  const windows: number[] = [];
  for (const match of withoutStrings(expr).matchAll(/\[\s*([0-9a-z]+)\s*(?::\s*[0-9a-z]*\s*)?\]/g)) {
    const seconds = parsePrometheusDuration(match[1] ?? "");
    if (seconds !== undefined) windows.push(seconds);
  }
  return windows;
}

/** Numeric literals outside label values and ranges (`14.4`, `0.999`, `1e-3`). */
function numbersOf(expr: string): number[] {
  const text = withoutStrings(expr).replace(/\[[^\]]*\]/g, "[]").replace(/\boffset\s+[0-9a-z]+/g, "");
  const numbers: number[] = [];
  for (const match of text.matchAll(/(?<![\w.:])([0-9]+(?:\.[0-9]+)?(?:e[+-]?[0-9]+)?|\.[0-9]+)(?![\w:.])/gi)) numbers.push(Number(match[1]));
  return numbers;
}

/** Metric names an expression reads (identifiers followed by a selector, or standing alone). */
function identifiersOf(expr: string): string[] {
  return [...withoutStrings(expr).matchAll(/(?<![\w:."])([a-zA-Z_:][a-zA-Z0-9_:]*)/g)].map((match) => match[1] as string);
}

export interface ExpandedExpr {
  windows: number[];
  numbers: number[];
  /** Recording rules it reads, transitively. */
  records: string[];
}

/**
 * What an alert's expression amounts to once the recording rules it reads are expanded: every range
 * window and every number, its own and those of its recordings (an SRE-workbook alert reads
 * `slo:sli_error:ratio_rate1h`, whose own expression has the `[1h]`).
 */
export function expand(rule: RuleFact, records: ReadonlyMap<string, RuleFact[]>): ExpandedExpr {
  const windows = new Set<number>();
  const numbers = new Set<number>();
  const seen = new Set<string>();
  const visit = (expr: string, depth: number): void => {
    for (const window of rangesOf(expr)) windows.add(window);
    if (depth === 0) for (const number of numbersOf(expr)) numbers.add(number);
    if (depth > 16) return;
    for (const name of identifiersOf(expr)) {
      if (seen.has(name)) continue;
      const recorded = records.get(name);
      if (!recorded) continue;
      seen.add(name);
      for (const record of recorded) visit(record.expr, depth + 1);
    }
  };
  visit(rule.expr, 0);
  return { windows: [...windows].sort((a, b) => a - b), numbers: [...numbers].sort((a, b) => a - b), records: [...seen].sort() };
}
