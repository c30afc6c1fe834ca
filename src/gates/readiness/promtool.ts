import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SourceLocation } from "../../engine/types.js";
import { CollectorError, formatLocation } from "../../engine/errors.js";
import { runTool } from "../../sources/tools.js";
import type { Objective, SloDefinition } from "../slo/definitions.js";
import type { RuleFact, RuleSource } from "./alerts.js";

/** A scratch directory for the files promtool reads; removed by `dispose`. */
export class Scratch {
  readonly directory = mkdtempSync(join(tmpdir(), "resilience-gates-promtool-"));
  private count = 0;
  write(name: string, value: unknown): string {
    const file = join(this.directory, `${this.count++}-${name}`);
    // JSON is YAML: promtool reads it as a rule or test file.
    writeFileSync(file, `${JSON.stringify(value, null, 1)}\n`);
    return file;
  }
  dispose(): void {
    rmSync(this.directory, { recursive: true, force: true });
  }
}

/**
 * `promtool check rules` on one source: undefined when the rules parse, else the problems, each naming
 * the file and line (promtool's own line for a rule file; the PrometheusRule's line for an object).
 */
export async function checkRules(source: RuleSource, scratch: Scratch): Promise<string[] | undefined> {
  const file = source.absolute ?? scratch.write(`${source.object ?? "rules"}.json`, { groups: source.groups });
  const run = await runTool("promtool", ["check", "rules", file], { timeoutMs: 60_000 });
  if (run.exitCode === 0) return undefined;
  const text = `${run.stdout}\n${run.stderr}`;
  const problems: string[] = [];
  const fallback = source.locate([]);
  const at = (location: SourceLocation, message: string) => problems.push(`${formatLocation(location)}: promtool check rules: ${message}`);
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line.startsWith(file)) continue;
    const rest = line.slice(file.length + 2);
    const ruleError = /^(\d+):(\d+): group "(.*)", rule (\d+), "(.*?)": (.*)$/.exec(rest);
    if (ruleError) {
      const groups = Array.isArray(source.groups) ? source.groups : [];
      const groupIndex = groups.findIndex((group) => (group as { name?: unknown } | null)?.name === ruleError[3]);
      const location =
        source.absolute !== undefined
          ? { file: source.file, line: Number(ruleError[1]), column: Number(ruleError[2]) }
          : groupIndex >= 0
            ? source.locate(["groups", groupIndex, "rules", Number(ruleError[4]) - 1, "expr"])
            : fallback;
      at(location, `rule ${ruleError[5]} of group ${ruleError[3]}: ${ruleError[6]}`);
      continue;
    }
    const yamlLine = /^yaml: (?:unmarshal errors:)?\s*line (\d+): (.*)$/.exec(rest);
    if (yamlLine && source.absolute !== undefined) {
      at({ file: source.file, line: Number(yamlLine[1]) }, yamlLine[2] ?? rest);
      continue;
    }
    at(fallback, rest);
  }
  // "yaml: unmarshal errors:" puts each error on the next line, without the file name.
  for (const match of text.matchAll(/^\s+line (\d+): (.*)$/gm)) {
    if (source.absolute !== undefined) at({ file: source.file, line: Number(match[1]) }, match[2] ?? "");
    else at(fallback, match[2] ?? "");
  }
  if (problems.length === 0) at(fallback, text.trim() || `exit ${run.exitCode}`);
  return problems;
}

/** One label matcher of a selector. */
interface Matcher {
  label: string;
  op: "=" | "!=" | "=~" | "!~";
  value: string;
}

interface Selector {
  metric: string;
  matchers: Matcher[];
}

/** The first `metric{...}` selector of a query. */
function firstSelector(query: string): Selector | undefined {
  const match = /([a-zA-Z_:][a-zA-Z0-9_:]*)\s*\{([^}]*)\}/.exec(query) ?? /([a-zA-Z_:][a-zA-Z0-9_:]*)/.exec(query);
  if (!match) return undefined;
  const matchers: Matcher[] = [];
  for (const m of (match[2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"/g)) {
    matchers.push({ label: m[1] as string, op: m[2] as Matcher["op"], value: (m[3] as string).replace(/\\(.)/g, "$1") });
  }
  return { metric: match[1] as string, matchers };
}

function satisfies(matcher: Matcher, value: string): boolean {
  switch (matcher.op) {
    case "=":
      return value === matcher.value;
    case "!=":
      return value !== matcher.value;
    case "=~":
      return new RegExp(`^(?:${matcher.value})$`).test(value);
    case "!~":
      return !new RegExp(`^(?:${matcher.value})$`).test(value);
  }
}

const CANDIDATES = ["200", "201", "204", "500", "503", "502", "ok", "error", "success", "failure", "true", "false", "1", "0", "GET", "POST"];

/** A value of `label` that passes every matcher in `pass` (and fails one of `fail`, when given). */
function valueFor(label: string, pass: readonly Matcher[], fail?: readonly Matcher[]): string | undefined {
  const on = pass.filter((m) => m.label === label);
  const against = (fail ?? []).filter((m) => m.label === label);
  const literal = [...on, ...against].filter((m) => m.op === "=" || m.op === "=~").flatMap((m) => m.value.split("|"));
  for (const candidate of [...literal, ...CANDIDATES]) {
    if (!on.every((m) => satisfies(m, candidate))) continue;
    if (fail && against.every((m) => satisfies(m, candidate))) continue;
    return candidate;
  }
  return undefined;
}

function seriesText(metric: string, labels: Record<string, string>): string {
  const body = Object.entries(labels)
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
    .join(",");
  return `${metric}{${body}}`;
}

function labelsOf(selector: Selector, extra: readonly Matcher[] = []): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  const all = [...selector.matchers, ...extra];
  for (const label of new Set(all.map((m) => m.label))) {
    const value = valueFor(label, all);
    if (value === undefined) return undefined;
    labels[label] = value;
  }
  return labels;
}

/** A counter that grows by `rates[i]` per minute for `minutes[i]` minutes, in promtool's notation. */
function counter(phases: readonly { perMinute: number; minutes: number }[]): string {
  let value = 0;
  const parts: string[] = [];
  phases.forEach((phase, index) => {
    const start = index === 0 ? 0 : value + phase.perMinute;
    const steps = index === 0 ? phase.minutes : phase.minutes - 1;
    parts.push(`${round(start)}+${round(phase.perMinute)}x${steps}`);
    value = start + phase.perMinute * steps;
  });
  return parts.join(" ");
}

function round(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

export interface Phase {
  minutes: number;
  /** Share of bad events: failed requests, or requests slower than the objective's threshold. */
  errorRatio: number;
}

const REQUESTS_PER_MINUTE = 1000;

/** Input series that make the SLO's indicator show the phases, or why they cannot be made. */
export function syntheticSeries(
  slo: SloDefinition,
  objective: Objective,
  phases: readonly Phase[],
  expressions: readonly string[] = [],
): { series: { series: string; values: string }[] } | { problem: string } {
  const grow = (share: (phase: Phase) => number) => counter(phases.map((phase) => ({ minutes: phase.minutes, perMinute: REQUESTS_PER_MINUTE * share(phase) })));
  if (slo.indicator.kind === "threshold") {
    const selector = firstSelector(slo.indicator.query);
    if (!selector || !selector.metric.endsWith("_bucket") || objective.value === null) return { problem: `the thresholdMetric query of SLO ${slo.name} does not read a histogram's _bucket series` };
    const labels = labelsOf({ metric: selector.metric, matchers: selector.matchers.filter((m) => m.label !== "le") });
    if (!labels) return { problem: `no label values satisfy the matchers of ${slo.indicator.query}` };
    const base = selector.metric.slice(0, -"_bucket".length);
    const threshold = objective.value;
    // The bucket boundary as the rules write it (le="0.3", le="1.0"), else as a number prints.
    const le =
      expressions
        .flatMap((expr) => [...expr.matchAll(/\ble\s*=\s*"([^"]+)"/g)].map((match) => match[1] as string))
        .find((text) => Number(text) === threshold) ?? String(threshold);
    return {
      series: [
        { series: seriesText(`${base}_bucket`, { ...labels, le }), values: grow((phase) => 1 - phase.errorRatio) },
        { series: seriesText(`${base}_bucket`, { ...labels, le: "+Inf" }), values: grow(() => 1) },
        { series: seriesText(`${base}_count`, labels), values: grow(() => 1) },
      ],
    };
  }
  const total = firstSelector(slo.indicator.total);
  const good = firstSelector(slo.indicator.good);
  if (!total || !good) return { problem: `the ratioMetric queries of SLO ${slo.name} have no metric selector` };
  if (good.metric !== total.metric) {
    const goodLabels = labelsOf(good);
    const totalLabels = labelsOf(total);
    if (!goodLabels || !totalLabels) return { problem: `no label values satisfy the matchers of SLO ${slo.name}'s queries` };
    return {
      series: [
        { series: seriesText(good.metric, goodLabels), values: grow((phase) => 1 - phase.errorRatio) },
        { series: seriesText(total.metric, totalLabels), values: grow(() => 1) },
      ],
    };
  }
  // One metric, told apart by a label (status!~"5.."): a good series and a bad one.
  const goodLabels = labelsOf(total, good.matchers);
  const base = labelsOf(total);
  if (!goodLabels || !base) return { problem: `no label values satisfy the matchers of SLO ${slo.name}'s good query` };
  const badLabels: Record<string, string> = { ...base };
  const extra = good.matchers.filter((m) => !total.matchers.some((other) => other.label === m.label && other.op === m.op && other.value === m.value));
  for (const label of new Set(extra.map((m) => m.label))) {
    const value = valueFor(label, total.matchers, good.matchers);
    if (value === undefined) return { problem: `no value of label ${label} is counted by the total query of SLO ${slo.name} but not by its good query` };
    badLabels[label] = value;
  }
  return {
    series: [
      { series: seriesText(total.metric, goodLabels), values: grow((phase) => 1 - phase.errorRatio) },
      { series: seriesText(total.metric, badLabels), values: grow((phase) => phase.errorRatio) },
    ],
  };
}

export interface AlertTest {
  alert: RuleFact;
  /** Minutes after the burn starts by which the alert must fire. */
  withinMinutes: number;
}

export interface AlertTestResult {
  burnPassed: boolean;
  healthyPassed: boolean;
  burnMessage: string | null;
  healthyMessage: string | null;
}

function alertsSelector(alert: RuleFact): string {
  const labels = Object.entries(alert.labels)
    .map(([key, value]) => `,${key}=${JSON.stringify(value)}`)
    .join("");
  return `max(ALERTS{alertname=${JSON.stringify(alert.name)},alertstate="firing"${labels}})`;
}

/** The generated test file of one objective, its alerts, and why it could not be generated. */
export interface ObjectiveTest {
  tests: readonly AlertTest[];
  file?: string;
  /** The rules and cases as written, without the scratch paths: what promtool's outcome depends on. */
  key?: string;
  problem?: string;
}

/**
 * promtool's output per generated test (by its content): the outcome depends on nothing else, and the
 * same alerts are often judged again in one process (fixtures, the CLI's several configs). Bounded.
 */
const OUTCOMES = new Map<string, { text: string; exitCode: number }>();
const MAX_OUTCOMES = 256;

/**
 * Writes the `promtool test rules` cases of one SLO objective: a healthy series (half the error budget)
 * under which none of its alerts may fire, and a total outage after a healthy history under which each
 * alert must fire within its expected time. Only the objective's alerts and the recording rules they
 * read are loaded.
 */
export function writeObjectiveTest(
  slo: SloDefinition,
  objective: Objective,
  tests: readonly AlertTest[],
  records: readonly RuleFact[],
  historyMinutes: number,
  scratch: Scratch,
): ObjectiveTest {
  const budget = 1 - objective.target;
  const burnMinutes = Math.max(...tests.map((test) => test.withinMinutes)) + 5;
  const expressions = [...records, ...tests.map((test) => test.alert)].map((rule) => rule.expr);
  const healthy = syntheticSeries(slo, objective, [{ minutes: historyMinutes + burnMinutes, errorRatio: budget / 2 }], expressions);
  const burn = syntheticSeries(
    slo,
    objective,
    [
      { minutes: historyMinutes, errorRatio: budget / 2 },
      { minutes: burnMinutes, errorRatio: 1 },
    ],
    expressions,
  );
  if ("problem" in healthy) return { tests, problem: healthy.problem };
  if ("problem" in burn) return { tests, problem: burn.problem };
  const groups = [{ name: `readiness-${slo.name}-${objective.index}`, rules: [...records.map((record) => record.raw), ...tests.map((test) => test.alert.raw)] }];
  const rulesFile = scratch.write(`${slo.name}-${objective.index}-rules.json`, { groups });
  const cases = {
    evaluation_interval: "1m",
    tests: [
      {
        name: "healthy",
        interval: "1m",
        input_series: healthy.series,
        alert_rule_test: tests.flatMap((test) => [historyMinutes, historyMinutes + burnMinutes].map((minute) => ({ alertname: test.alert.name, eval_time: `${minute}m`, exp_alerts: [] }))),
      },
      {
        name: "burn",
        interval: "1m",
        input_series: burn.series,
        promql_expr_test: tests.map((test) => ({ expr: alertsSelector(test.alert), eval_time: `${historyMinutes + test.withinMinutes}m`, exp_samples: [{ labels: "{}", value: 1 }] })),
      },
    ],
  };
  const file = scratch.write(`${slo.name}-${objective.index}-test.json`, { rule_files: [rulesFile], ...cases });
  return { tests, file, key: JSON.stringify([groups, cases]) };
}

/**
 * Runs `promtool test rules` on each generated test file (or recalls its outcome) and tells each
 * alert's: every failure promtool prints names the alert.
 */
export async function runObjectiveTests(objectives: readonly ObjectiveTest[]): Promise<Map<RuleFact, AlertTestResult>> {
  const results = new Map<RuleFact, AlertTestResult>();
  const sections = new Map<string, { text: string; exitCode: number }>();
  for (const objective of objectives) {
    const known = objective.key === undefined ? undefined : OUTCOMES.get(objective.key);
    if (objective.file && known !== undefined) sections.set(objective.file, known);
  }
  const files = objectives.flatMap((objective) => (objective.file && !sections.has(objective.file) ? [objective.file] : []));
  // One promtool per file: it prints "Unit Testing: FILE" on stdout but the failures on stderr, so the
  // output of several files cannot be told apart.
  for (const file of files) {
    const run = await runTool("promtool", ["test", "rules", file], { timeoutMs: 600_000 });
    sections.set(file, { text: `${run.stdout}\n${run.stderr}`, exitCode: run.exitCode });
  }
  for (const objective of objectives) {
    const section = objective.file === undefined ? undefined : sections.get(objective.file);
    if (objective.key === undefined || section === undefined || !files.includes(objective.file as string)) continue;
    if (OUTCOMES.size >= MAX_OUTCOMES) OUTCOMES.delete(OUTCOMES.keys().next().value as string);
    OUTCOMES.set(objective.key, section);
  }
  for (const objective of objectives) {
    if (!objective.file) continue;
    const section = sections.get(objective.file);
    if (section === undefined) throw new CollectorError(`promtool test rules printed nothing for ${objective.file}`);
    // The healthy cases are alert_rule_tests (`alertname: X, time: ...`), the burn cases promql_expr_tests
    // on ALERTS (`expr: "max(ALERTS{alertname=\"X\",...`): each failure names its alert either way.
    const entries = section.text.split(/\n(?=\s{4}\S)/);
    let attributed = 0;
    for (const test of objective.tests) {
      const name = test.alert.name;
      const pick = (needle: string): string | null => {
        const found = entries.filter((entry) => entry.includes(needle));
        return found.length ? found.join(" ").replace(/\s+/g, " ").trim() : null;
      };
      const healthyMessage = pick(`alertname: ${name},`);
      const burnMessage = pick(`alertname=\\"${name}\\"`);
      if (healthyMessage !== null || burnMessage !== null) attributed += 1;
      results.set(test.alert, { burnPassed: burnMessage === null, healthyPassed: healthyMessage === null, burnMessage, healthyMessage });
    }
    // A failure that names none of the alerts (a rule file promtool cannot load, a crash) is no pass.
    if (section.exitCode !== 0 && attributed === 0) {
      throw new CollectorError(`promtool test rules failed on the cases generated for ${objective.file} without naming an alert: ${section.text.trim().slice(0, 2000)}`);
    }
  }
  return results;
}
