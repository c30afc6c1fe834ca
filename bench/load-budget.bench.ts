// Benchmarks the load-budget gate in-process: reading and judging a k6 summary of 50 endpoints (both
// summary shapes), from the file on disk to located findings. Target: under 100 ms. Prints medians.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { silentLogger } from "../src/engine/logger.js";
import { loadBuiltInBundle } from "../src/engine/policy.js";
import { loadBudgetGate } from "../src/gates/load-budget/index.js";
import { median, printResult, runsAsync } from "./support.js";

const ENDPOINTS = 50;
const STATS = ["avg", "min", "med", "max", "p(90)", "p(95)", "p(99)"];

function corpus(): string {
  const directory = mkdtempSync(join(tmpdir(), "rg-bench-lb-"));
  mkdirSync(join(directory, ".git"));
  const names = Array.from({ length: ENDPOINTS }, (_, i) => `endpoint-${i}`);
  const budgets = [
    "version: 1",
    "tag: endpoint",
    "defaults: { minSamples: 100, maxErrorRate: 0.01 }",
    "endpoints:",
    ...names.map((name) => `  - { endpoint: ${name}, p95Ms: 300, p99Ms: 800, minThroughputRps: 5 }`),
  ].join("\n");
  writeFileSync(join(directory, "budgets.yaml"), `${budgets}\n`);
  const exported: Record<string, unknown> = { http_reqs: { count: 500 * ENDPOINTS, rate: 50 * ENDPOINTS }, data_received: { count: 1e7, rate: 1e6 } };
  const handled: Record<string, unknown> = {};
  names.forEach((name, i) => {
    // Every fifth endpoint is slow and every seventh fails too often, so the policy has findings to make.
    const p95 = i % 5 === 0 ? 420 : 80;
    const errors = i % 7 === 0 ? 25 : 1;
    const trend = Object.fromEntries(STATS.map((stat) => [stat, stat === "p(95)" ? p95 : stat === "p(99)" ? p95 * 1.8 : p95 / 2]));
    const tags = `{endpoint:${name}}`;
    exported[`http_req_duration${tags}`] = { ...trend, thresholds: { "p(95)<300": p95 >= 300 } };
    exported[`http_req_failed${tags}`] = { passes: errors, fails: 500 - errors, value: errors / 500, thresholds: { "rate>=0": false } };
    exported[`http_reqs${tags}`] = { count: 500, rate: 50, thresholds: { "count>=0": false } };
    handled[`http_req_duration${tags}`] = { type: "trend", contains: "time", values: trend, thresholds: { "p(95)<300": { ok: p95 < 300 } } };
    handled[`http_req_failed${tags}`] = { type: "rate", contains: "default", values: { rate: errors / 500, passes: errors, fails: 500 - errors }, thresholds: { "rate>=0": { ok: true } } };
    handled[`http_reqs${tags}`] = { type: "counter", contains: "default", values: { count: 500, rate: 50 }, thresholds: { "count>=0": { ok: true } } };
  });
  handled.http_reqs = { type: "counter", contains: "default", values: exported.http_reqs };
  handled.data_received = { type: "counter", contains: "data", values: exported.data_received };
  const state = { isStdOutTTY: false, isStdErrTTY: false, testRunDurationMs: 10_000 };
  writeFileSync(join(directory, "export.json"), JSON.stringify({ root_group: {}, metrics: exported, state }, null, 2));
  writeFileSync(join(directory, "handle.json"), JSON.stringify({ root_group: {}, options: { summaryTrendStats: STATS }, metrics: handled, state }, null, 2));
  return directory;
}

const directory = corpus();
const bundle = await loadBuiltInBundle();

async function judge(summary: string): Promise<number> {
  const started = performance.now();
  const collected = await loadBudgetGate.collect({ workspace: { root: directory, base: directory }, logger: silentLogger, now: new Date() }, { budgets: "budgets.yaml", summary });
  const findings = bundle.evaluate("resilience/load_budget/findings", { ...collected.input, now: Math.floor(Date.now() / 1000) }) as { rule: string }[];
  for (const finding of findings) collected.locate(finding as never);
  const elapsed = performance.now() - started;
  if (findings.length === 0) throw new Error("expected findings from the slow and failing endpoints");
  return elapsed;
}

await judge("export.json"); // warm-up: module and WebAssembly compilation are not part of judging a summary
const exportRuns = await runsAsync(15, () => judge("export.json"));
const handleRuns = await runsAsync(15, () => judge("handle.json"));
rmSync(directory, { recursive: true, force: true });

printResult("load-budget", {
  "read + judge a --summary-export of 50 endpoints, median ms (target < 100)": median(exportRuns),
  "read + judge a handleSummary JSON of 50 endpoints, median ms (target < 100)": median(handleRuns),
  "slowest of 15 runs, ms": Math.max(...exportRuns, ...handleRuns),
});
