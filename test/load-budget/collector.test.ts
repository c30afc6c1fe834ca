// The load-budget collector on bad and missing data: every case is an error naming the file, the line and
// what was expected (verdict error, exit 2), never a pass or a stack trace.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/engine/logger.js";
import type { PolicyBundle } from "../../src/engine/policy.js";
import { runGates } from "../../src/engine/run.js";
import type { GateResult } from "../../src/engine/types.js";
import type { LoadBudgetOptions } from "../../src/gates/load-budget/index.js";
import { compileGateBundle } from "../backups/bundle.js";
import { repoRoot, runCli } from "../support/cli.js";
import { FIXTURE_NOW } from "../support/gate-fixtures.js";

const data = "fixtures/load-budget/data";
let bundle: PolicyBundle;
let scratch: string;
beforeAll(async () => {
  bundle = await compileGateBundle(["load-budget"]);
  mkdirSync(join(repoRoot, ".work"), { recursive: true });
  scratch = mkdtempSync(join(repoRoot, ".work", "load-budget-test-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function judge(options: LoadBudgetOptions): Promise<GateResult> {
  const report = await runGates(
    { config: { workspace: { root: repoRoot, base: repoRoot }, gates: {}, policies: [], rules: {} }, gates: [["load-budget", options as Record<string, unknown>]], now: FIXTURE_NOW, logger: silentLogger },
    bundle,
  );
  return report.gates[0] as GateResult;
}

function budgetsFile(text: string): string {
  const file = join(scratch, `budgets-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  return file.slice(repoRoot.length + 1);
}

describe("load-budget collector", () => {
  it("errors on an endpoint with too few requests, naming it, its count and the minSamples line", async () => {
    const result = await judge({ budgets: `${data}/budgets.yaml`, summary: `${data}/too-few.json` });
    expect(result.verdict).toBe("error");
    expect(result.error).toBe(
      `${data}/budgets.yaml:5:3: endpoint create-payment made 12 requests, fewer than minSamples 20: too few to judge; run the load longer or at a higher rate`,
    );
  });

  it("errors on an endpoint with no requests at all (a tag typo must not pass)", async () => {
    const budgets = budgetsFile("version: 1\nendpoints:\n  - endpoint: create-payment\n    p95Ms: 300\n  - endpoint: get-paymnet\n    p95Ms: 100\n");
    const result = await judge({ budgets, summary: `${data}/healthy.json` });
    expect(result.verdict).toBe("error");
    expect(result.error).toMatch(/:5:5: endpoint get-paymnet has no requests in fixtures\/load-budget\/data\/healthy\.json \(no http_reqs\{endpoint:get-paymnet\}/);
  });

  it("errors on a truncated summary at the line it ends", async () => {
    const result = await judge({ budgets: `${data}/budgets.yaml`, summary: `${data}/truncated.json` });
    expect(result.verdict).toBe("error");
    expect(result.error).toMatch(/^fixtures\/load-budget\/data\/truncated\.json:\d+:\d+: invalid JSON: .*\(the file ends early: truncated\?\)$/);
  });

  it("refuses a summary of a run made with --no-thresholds", async () => {
    const result = await judge({ budgets: `${data}/budgets.yaml`, summary: `${data}/no-thresholds.json` });
    expect(result.verdict).toBe("error");
    expect(result.error).toMatch(/no-thresholds\.json:\d+:\d+: .* has no thresholds at all: the run was made with --no-thresholds \(or K6_NO_THRESHOLDS\)/);
  });

  it("errors on a run whose target never answered", async () => {
    const result = await judge({ budgets: `${data}/budgets.yaml`, summary: `${data}/dead-target.json` });
    expect(result.verdict).toBe("error");
    expect(result.error).toMatch(/the target never answered: k6 made 900 requests and received 0 bytes/);
  });

  it("errors on malformed budgets YAML, an unknown key and a duplicate endpoint, at their lines", async () => {
    const malformed = await judge({ budgets: budgetsFile("version: 1\nendpoints:\n  - endpoint: a\n    p95Ms: [300\n"), summary: `${data}/healthy.json` });
    expect(malformed.error).toMatch(/budgets-\w+\.yaml:\d+:\d+: invalid YAML: /);
    const unknown = await judge({ budgets: budgetsFile("version: 1\nendpoints:\n  - endpoint: create-payment\n    p95: 300\n"), summary: `${data}/healthy.json` });
    expect(unknown.error).toMatch(/budgets-\w+\.yaml:4:5: load budgets: `endpoints\.0` has unknown key `p95`/);
    const twice = await judge({ budgets: budgetsFile("version: 1\nendpoints:\n  - endpoint: a\n  - endpoint: a\n"), summary: `${data}/healthy.json` });
    expect(twice.error).toMatch(/:4:\d+: endpoint a is listed twice \(also at line 3\); merge the two entries/);
  });

  it("errors when a budgeted figure is missing from the summary (no p(99) asked for)", async () => {
    const summary = join(scratch, "no-p99.json");
    const healthy = (await import(join(repoRoot, data, "healthy.json"), { with: { type: "json" } })).default as { metrics: Record<string, Record<string, unknown>> };
    const copy = structuredClone(healthy);
    delete copy.metrics["http_req_duration{endpoint:create-payment}"]?.["p(99)"];
    writeFileSync(summary, JSON.stringify(copy));
    const result = await judge({ budgets: `${data}/budgets.yaml`, summary: summary.slice(repoRoot.length + 1) });
    expect(result.error).toMatch(/budgets\.yaml:10:5: endpoint create-payment has a p99Ms budget but .* has no p\(99\) of http_req_duration\{endpoint:create-payment\} \(run k6 with --summary-trend-stats including p\(99\)\)/);
  });

  it("needs exactly one of a summary or a script and target", async () => {
    expect((await judge({ budgets: `${data}/budgets.yaml` })).error).toMatch(/nothing to judge: give --summary F, or --script F --target URL/);
    expect((await judge({ budgets: `${data}/budgets.yaml`, summary: `${data}/healthy.json`, script: "x.js", target: "http://127.0.0.1:1" })).error).toMatch(/not both/);
    expect((await judge({ budgets: `${data}/budgets.yaml`, script: "reference-app/load/reference-app.js" })).error).toMatch(/needs both --script F and --target URL/);
  });

  it("exits 2 from the CLI with the message and no stack trace", () => {
    const run = runCli(["check", "load-budget", "--budgets", `${data}/budgets.yaml`, "--summary", `${data}/truncated.json`]);
    expect(run.status).toBe(2);
    expect(run.stdout + run.stderr).toMatch(/truncated\.json:\d+:\d+: invalid JSON/);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });
});
