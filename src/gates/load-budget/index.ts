import { existsSync } from "node:fs";
import { CollectorError, ConfigurationError } from "../../engine/errors.js";
import type { CollectedInput, FindingPlace, Gate, GateContext } from "../../engine/gate.js";
import type { PolicyFinding, SourceLocation } from "../../engine/types.js";
import { displayPath, resolveInside, standaloneWorkspace } from "../../sources/files.js";
import { isRecord } from "../../sources/kubernetes.js";
import { measureEndpoint, readK6Summary, requireJudgeable, type EndpointMeasurement, type K6Summary } from "../../sources/k6.js";
import { readYamlFile } from "../../sources/yaml.js";
import { readBudgets, type BudgetField, type EndpointBudget } from "./budgets.js";
import { LOAD_BUDGET_FLAGS } from "./flags.js";
import { k6RunFromFlags, runScript, type K6RunOptions } from "./run.js";

export interface LoadBudgetOptions extends Partial<K6RunOptions> {
  /** Per-endpoint budgets (default .resilience/load-budgets.yaml). */
  budgets?: string;
  /** An existing k6 summary to judge instead of running k6. */
  summary?: string;
}

/** `412.3 ms`, `12 ms`: one decimal below 100 ms, whole milliseconds above. */
export function formatMs(ms: number): string {
  return ms < 100 ? `${Number(ms.toFixed(1))} ms` : `${Math.round(ms)} ms`;
}

/** `1.25%`, `0%`. */
export function formatPercent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(2))}%`;
}

export function formatRps(rps: number): string {
  return `${Number(rps.toFixed(1))} req/s`;
}

/** Reads the summary named by the options, or runs k6 to make one. */
async function obtainSummary(context: GateContext, options: LoadBudgetOptions, tag: string, endpoints: string[]): Promise<{ summary: K6Summary; exitCode: number | null }> {
  const hasRun = options.script !== undefined || options.target !== undefined;
  if (options.summary !== undefined && hasRun) {
    throw new ConfigurationError("load-budget: give either --summary F (judge an existing k6 summary) or --script F --target URL (run k6), not both");
  }
  if (options.summary !== undefined) {
    const absolute = resolveInside(context.workspace, options.summary, "k6 summary");
    if (!existsSync(absolute)) throw new ConfigurationError(`load-budget: k6 summary ${options.summary} does not exist; write it with \`k6 run --summary-export ${options.summary}\``);
    const summary = readK6Summary(context.workspace, absolute, displayPath(context.workspace, absolute));
    requireJudgeable(summary);
    return { summary, exitCode: null };
  }
  if (!hasRun) throw new ConfigurationError("load-budget: nothing to judge: give --summary F, or --script F --target URL to run k6");
  const run = await runScript(context, "load-budget", { script: options.script ?? "", target: options.target ?? "", ...options }, tag, endpoints);
  requireJudgeable(run.summary);
  return { summary: run.summary, exitCode: run.exitCode };
}

interface Judged {
  budget: EndpointBudget;
  measured: EndpointMeasurement;
}

/** Missing data is an error, never a pass: every endpoint needs enough requests and every budgeted figure. */
function missingData(judged: readonly Judged[], summary: K6Summary, tag: string): { message: string; location: SourceLocation }[] {
  const problems: { message: string; location: SourceLocation }[] = [];
  for (const { budget, measured } of judged) {
    const name = budget.endpoint;
    const minSamples = budget.budget.minSamples ?? 1;
    if (!measured.samples) {
      problems.push({
        message: `endpoint ${name} has no requests in ${summary.file} (no http_reqs{${tag}:${name}} or http_req_failed{${tag}:${name}}): tag every request of the endpoint with ${tag}: "${name}", or remove the endpoint from the budgets`,
        location: budget.locate("endpoint"),
      });
      continue;
    }
    if (measured.samples < minSamples) {
      problems.push({
        message: `endpoint ${name} made ${measured.samples} requests, fewer than minSamples ${minSamples}: too few to judge; run the load longer or at a higher rate`,
        location: budget.locate("minSamples"),
      });
    }
    const need = (field: BudgetField, present: boolean, what: string): void => {
      if (budget.budget[field] !== undefined && !present) problems.push({ message: `endpoint ${name} has a ${field} budget but ${summary.file} has no ${what}`, location: budget.locate(field) });
    };
    need("p95Ms", measured.durationMs["p(95)"] !== undefined, `p(95) of http_req_duration{${tag}:${name}} (run k6 with --summary-trend-stats including p(95))`);
    need("p99Ms", measured.durationMs["p(99)"] !== undefined, `p(99) of http_req_duration{${tag}:${name}} (run k6 with --summary-trend-stats including p(99))`);
    need("maxErrorRate", measured.errorRate !== null, `error rate (http_req_failed{${tag}:${name}})`);
    need("minThroughputRps", measured.throughputRps !== null, `throughput (http_reqs{${tag}:${name}} rate)`);
  }
  return problems;
}

async function collect(context: GateContext, options: LoadBudgetOptions): Promise<CollectedInput> {
  const budgets = readBudgets(context.workspace, options.budgets);
  const { summary, exitCode } = await obtainSummary(
    context,
    options,
    budgets.tag,
    budgets.endpoints.map((entry) => entry.endpoint),
  );
  const thresholds = summary.metrics.flatMap((metric) => metric.thresholds.map((threshold) => ({ metric: metric.key, ...threshold })));
  const judged: Judged[] = budgets.endpoints.map((budget) => ({ budget, measured: measureEndpoint(summary, budgets.tag, budget.endpoint) }));
  const problems = missingData(judged, summary, budgets.tag);
  if (problems.length > 0) {
    const [first] = problems as [{ message: string; location: SourceLocation }];
    const more = problems.slice(1).map((problem) => `${problem.location.file}:${problem.location.line}: ${problem.message}`);
    throw new CollectorError([first.message, ...more].join("; "), first.location);
  }

  const input = {
    tag: budgets.tag,
    budgets_file: budgets.file,
    summary_file: summary.file,
    summary_shape: summary.shape,
    k6_exit_code: exitCode,
    endpoints: judged.map(({ budget, measured }, id) => {
      const b = budget.budget;
      const p95 = measured.durationMs["p(95)"] ?? null;
      const p99 = measured.durationMs["p(99)"] ?? null;
      return {
        id,
        endpoint: budget.endpoint,
        budget: {
          p95_ms: b.p95Ms ?? null,
          p99_ms: b.p99Ms ?? null,
          max_error_rate: b.maxErrorRate ?? null,
          min_throughput_rps: b.minThroughputRps ?? null,
          min_samples: b.minSamples ?? 1,
        },
        measured: {
          samples: measured.samples,
          p95_ms: p95,
          p99_ms: p99,
          error_rate: measured.errorRate,
          errors: measured.errors,
          throughput_rps: measured.throughputRps,
        },
        // Numbers as messages show them: sprintf under WebAssembly has no float verbs.
        text: {
          p95: p95 === null ? "" : formatMs(p95),
          p99: p99 === null ? "" : formatMs(p99),
          error_rate: measured.errorRate === null ? "" : formatPercent(measured.errorRate),
          throughput: measured.throughputRps === null ? "" : formatRps(measured.throughputRps),
          budget_p95: b.p95Ms === undefined ? "" : formatMs(b.p95Ms),
          budget_p99: b.p99Ms === undefined ? "" : formatMs(b.p99Ms),
          budget_error_rate: b.maxErrorRate === undefined ? "" : formatPercent(b.maxErrorRate),
          budget_throughput: b.minThroughputRps === undefined ? "" : formatRps(b.minThroughputRps),
        },
      };
    }),
    thresholds: thresholds.map((threshold, id) => ({ id, metric: threshold.metric, expression: threshold.expression, passed: threshold.passed })),
  };

  const locate = (finding: PolicyFinding): FindingPlace => {
    if (typeof finding.endpoint === "number") {
      const entry = judged[finding.endpoint];
      if (!entry) throw new CollectorError(`policy finding ${finding.rule} names unknown endpoint ${finding.endpoint}`);
      const field = typeof finding.field === "string" ? (finding.field as BudgetField) : "p95Ms";
      return { resource: { kind: "Endpoint", name: entry.budget.endpoint }, location: entry.budget.locate(field) };
    }
    if (typeof finding.threshold === "number") {
      const threshold = thresholds[finding.threshold];
      if (!threshold) throw new CollectorError(`policy finding ${finding.rule} names unknown threshold ${finding.threshold}`);
      // A summary the gate wrote itself is gone after the run: only a given summary has lines to point at.
      return {
        resource: { kind: "K6Metric", name: threshold.metric },
        ...(options.summary !== undefined || options.saveSummary !== undefined ? { location: summary.locate(["metrics", threshold.metric, "thresholds", threshold.expression]) } : {}),
      };
    }
    throw new CollectorError(`policy finding ${finding.rule} has no locator the load-budget collector knows`);
  };

  return {
    input,
    locate,
    stats: {
      endpoints: judged.length,
      requests: judged.reduce((total, entry) => total + (entry.measured.samples ?? 0), 0),
      thresholds: thresholds.length,
      ...(exitCode === null ? {} : { k6ExitCode: exitCode }),
    },
  };
}

export const loadBudgetGate: Gate<LoadBudgetOptions> = {
  id: "load-budget",
  summary: "A k6 run meets every endpoint's latency (p95, p99), error-rate and throughput budget with enough requests to judge",
  cliFlags: LOAD_BUDGET_FLAGS,
  optionsFromFlags(flags) {
    const run = k6RunFromFlags(flags);
    const summary = typeof flags.summary === "string" ? flags.summary : undefined;
    const budgets = typeof flags.budgets === "string" ? flags.budgets : undefined;
    if (!run && !summary && !budgets) return undefined;
    return { ...(budgets ? { budgets } : {}), ...(summary ? { summary } : {}), ...run };
  },
  collect,
  fixtureOptions(file) {
    const [document] = readYamlFile(standaloneWorkspace(file), file, file);
    if (!isRecord(document?.value)) throw new ConfigurationError(`fixture ${file} must be a mapping of load-budget options`);
    return document.value as LoadBudgetOptions;
  },
};
