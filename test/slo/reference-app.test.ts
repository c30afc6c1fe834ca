// The load-budget and slo gates on the reference app: real PostgreSQL and Redis, the real services, the
// real k6 (.tools/bin/k6) driven by the built CLI. Healthy passes both gates; SLOW_MODE breaks the p95
// budget and the latency SLO; FAIL_MODE breaks the error budget and the availability SLO; a dead target
// is an error. Each k6 run is a few seconds.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/engine/types.js";
import { freePort } from "../../reference-app/test/support/stores.js";
import { startStack, type Stack } from "../../reference-app/test/support/services.js";
import { assertTools, CI, toolsMissing } from "../../reference-app/test/support/stores.js";
import { repoRoot, runCli, type CliRun } from "../support/cli.js";

const k6 = join(repoRoot, ".tools", "bin", "k6");
const missing = [...toolsMissing, ...(existsSync(k6) ? [] : ["k6: bash scripts/bootstrap.sh k6"])];
const skip = missing.length > 0 && !CI;

const budgets = "reference-app/.resilience/load-budgets.yaml";
const slos = "reference-app/.resilience/slos.yaml";
const script = "reference-app/load/reference-app.js";
// Five seconds at 30 creates/s: 150 creates, 300 reads, 75 balance reads, ~30 retries; above every minSamples.
const load = ["--k6-env", "DURATION=5s", "--k6-env", "RATE=30"];

let stack: Stack;
let scratch: string;

function report(run: CliRun): Report {
  try {
    return JSON.parse(run.stdout) as Report;
  } catch {
    throw new Error(`no JSON report (exit ${run.status}):\n${run.stderr}`);
  }
}

function rules(run: CliRun): string[] {
  return report(run).gates.flatMap((gate) => gate.findings.map((finding) => `${finding.rule} ${finding.resource?.name ?? ""}`.trim()));
}

function loadBudget(target: string, summary: string): CliRun {
  return runCli(["check", "load-budget", "--budgets", budgets, "--script", script, "--target", target, ...load, "--save-summary", summary, "--format", "json"]);
}

function slo(...args: string[]): CliRun {
  return runCli(["check", "slo", "--slo", slos, ...args, "--format", "json"]);
}

describe.skipIf(skip)("load-budget and slo gates on the reference app", () => {
  beforeAll(async () => {
    if (missing.length > 0) throw new Error(`missing: ${missing.join("; ")}`);
    assertTools();
    mkdirSync(join(repoRoot, ".work"), { recursive: true });
    scratch = mkdtempSync(join(repoRoot, ".work", "load-gates-"));
    stack = await startStack("load-gates", { apiEnv: { RATE_LIMIT_MAX: "1000000" } });
  });
  afterAll(async () => {
    await stack?.teardown();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  const at = (name: string): string => join(scratch, name).slice(repoRoot.length + 1);

  it("passes the healthy app on both gates, from a k6 run, its summary and /metrics scrapes; saves a baseline", () => {
    const run = loadBudget(stack.api.url, at("healthy.json"));
    expect(run.stderr).toMatch(/k6: \d+s elapsed, \d+ requests, \d+ errors/);
    expect(report(run).gates[0]?.error).toBeUndefined();
    expect(rules(run)).toEqual([]);
    expect(run.status).toBe(0);
    expect(report(run).gates[0]?.stats.requests).toBeGreaterThan(500);

    const fromSummary = slo("--summary", at("healthy.json"));
    expect(rules(fromSummary)).toEqual([]);
    expect(fromSummary.status).toBe(0);

    const saved = runCli(["baseline", "save", "--slo", slos, "--summary", at("healthy.json"), "--output", at("baseline.json")]);
    expect(saved.status, saved.stderr).toBe(0);
    const baseline = JSON.parse(readFileSync(join(repoRoot, at("baseline.json")), "utf8")) as { measurements: { slo: string; metric: string; samples: number }[] };
    expect(baseline.measurements.map((m) => `${m.slo} ${m.metric}`)).toContain("api-create-payment-latency latency");
    expect(baseline.measurements.find((m) => m.slo === "api-create-payment-availability")?.samples).toBeGreaterThanOrEqual(100);

    const scraped = slo("--metrics", `${stack.api.url}/metrics`, "--metrics", `${stack.payments.url}/metrics`, "--script", script, "--target", stack.api.url, ...load);
    expect(report(scraped).gates[0]?.error).toBeUndefined();
    expect(rules(scraped)).toEqual([]);
    expect(scraped.status).toBe(0);
  });

  it("blocks SLOW_MODE on the p95 budget, the latency SLO and the regression against the baseline", async () => {
    await stack.api.setFaults({ slowMode: "400" });
    try {
      const run = loadBudget(stack.api.url, at("slow.json"));
      expect(run.status).toBe(1);
      const found = rules(run);
      expect(found).toContain("LB-001 create-payment");
      expect(found).toContain("LB-001 get-payment");
      // k6 exited 99: the script's own thresholds failed too.
      expect(found).toContain("LB-005 http_req_duration{endpoint:create-payment}");
      const p95 = report(run).gates[0]?.findings.find((f) => f.rule === "LB-001" && f.resource?.name === "create-payment");
      expect(p95?.message).toMatch(/^endpoint create-payment: p95 latency \d+ ms is over its budget of 300 ms \(\d+ requests\)$/);
      expect(p95?.location).toMatchObject({ file: budgets, line: 11 });

      const judged = slo("--summary", at("slow.json"), "--baseline", at("baseline.json"));
      expect(judged.status).toBe(1);
      const sloRules = rules(judged);
      expect(sloRules).toContain("SLO-001 api-create-payment-latency");
      expect(sloRules).toContain("SLO-002 api-create-payment-latency");
      expect(sloRules).not.toContain("SLO-001 api-create-payment-availability");
    } finally {
      await stack.api.setFaults({ slowMode: null });
    }
  });

  it("blocks FAIL_MODE on the error budget and the availability SLO, from the summary and from /metrics", async () => {
    await stack.api.setFaults({ failMode: "0.2" });
    try {
      const run = loadBudget(stack.api.url, at("fail.json"));
      expect(run.status).toBe(1);
      const found = rules(run);
      expect(found).toContain("LB-003 create-payment");
      expect(found).toContain("LB-003 get-payment");
      expect(found).not.toContain("LB-001 create-payment");
      const errors = report(run).gates[0]?.findings.find((f) => f.rule === "LB-003" && f.resource?.name === "create-payment");
      expect(errors?.message).toMatch(/^endpoint create-payment: error rate [\d.]+% \(\d+ of \d+ requests failed\) is over its budget of 1%$/);

      const judged = slo("--summary", at("fail.json"));
      expect(judged.status).toBe(1);
      expect(rules(judged)).toContain("SLO-001 api-create-payment-availability");

      const scraped = slo("--metrics", `${stack.api.url}/metrics`, "--metrics", `${stack.payments.url}/metrics`, "--script", script, "--target", stack.api.url, ...load);
      expect(scraped.status).toBe(1);
      expect(rules(scraped)).toContain("SLO-001 api-create-payment-availability");
      // Faults were set on api only: payments saw every charge succeed.
      expect(rules(scraped)).not.toContain("SLO-001 payments-ledger-write-availability");
    } finally {
      await stack.api.setFaults({ failMode: null });
    }
  });

  it("errors (exit 2), never passes, when the target is dead", async () => {
    const dead = `http://127.0.0.1:${await freePort()}`;
    const run = loadBudget(dead, at("dead.json"));
    expect(run.status).toBe(2);
    const gate = report(run).gates[0];
    expect(gate?.verdict).toBe("error");
    expect(gate?.error).toMatch(/k6 exited with code 107 \(script exception\).*setup: seeding load-tenant-0 failed with 0/);

    const scraped = slo("--metrics", `${dead}/metrics`, "--script", script, "--target", dead, ...load);
    expect(scraped.status).toBe(2);
    expect(report(scraped).gates[0]?.error).toMatch(/cannot scrape http:\/\/127\.0\.0\.1:\d+\/metrics/);
  });
});
