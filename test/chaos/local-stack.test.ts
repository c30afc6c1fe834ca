// `chaos run` for real on the reference app's local stack (scripts/stack.sh: real PostgreSQL, Redis, api
// and payments processes, k6): an experiment that passes and is signed, one past its abort limit whose
// fault is still undone, and Ctrl-C in the middle of a fault, which undoes it before exiting. Then the
// chaos-readiness gate judges the signed results.
import { spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChaosResult } from "../../src/chaos/result.js";
import { writeKeyPair } from "../../src/drill/signing.js";
import { assertTools, canConnect, freePorts, scratchDir, skipStores } from "../../reference-app/test/support/stores.js";
import { repoRoot, runCli, runCliAsync } from "../support/cli.js";

const scratch = scratchDir("chaos-local");
const app = join(repoRoot, "reference-app");
let env: NodeJS.ProcessEnv;
let keys: { privateKey: string; publicKey: string };

function stack(command: string): { status: number | null; output: string } {
  const run = spawnSync("bash", [join(repoRoot, "scripts", "stack.sh"), command], { cwd: repoRoot, env, encoding: "utf8", timeout: 180_000 });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

/** A copy of the reference app's chaos file with some text replaced (paths stay relative to reference-app/). */
function chaosCopy(name: string, edits: [string, string][]): string {
  let text = readFileSync(join(app, ".resilience", "chaos.yaml"), "utf8");
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`chaos.yaml has no ${from}`);
    text = text.replace(from, to);
  }
  const file = join(scratch, name);
  writeFileSync(file, text);
  return relative(app, file);
}

function results(dir: string): ChaosResult[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .map((file) => JSON.parse(readFileSync(join(dir, file), "utf8")) as ChaosResult);
}

async function ready(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

describe.skipIf(skipStores)("chaos run on the local stack", () => {
  beforeAll(async () => {
    assertTools();
    const [pg, redis, api, payments] = await freePorts(4);
    env = {
      ...process.env,
      STACK_DIR: join(scratch, "stack"),
      STACK_PG_PORT: String(pg),
      STACK_REDIS_PORT: String(redis),
      STACK_API_PORT: String(api),
      STACK_PAYMENTS_PORT: String(payments),
      API_URL: `http://127.0.0.1:${api}`,
      PAYMENTS_URL: `http://127.0.0.1:${payments}`,
    };
    const started = stack("start");
    expect(started.status, started.output).toBe(0);
    keys = writeKeyPair(join(scratch, "keys"));
  }, 240_000);

  afterAll(() => {
    if (env) stack("stop");
    rmSync(scratch, { recursive: true, force: true });
  });

  it("runs api-redis-down: progress while it runs, the limiter fails open, every SLO holds, a signed result the gate accepts", async () => {
    const out = join(scratch, "passed");
    const run = await runCliAsync(["chaos", "run", "--experiment", "api-redis-down", "--key", keys.privateKey, "--out", out], { cwd: app, env });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stderr).toMatch(/^chaos api-redis-down during: k6: \d+s elapsed, \d+ requests, \d+ errors$/m);
    expect(run.stderr).toMatch(/chaos api-redis-down during: fault injected: redis \(pid \d+\) stopped with SIGTERM/);
    expect(run.stderr).toMatch(/chaos api-redis-down: undone: start redis again/);
    expect(run.stdout).toMatch(/^PASSED chaos experiment api-redis-down \(api, stop-process\): (\d+)\/\1 objectives met before, (\d+)\/\2 objectives met during, (\d+)\/\3 objectives met after; recovery [\d.]+s$/m);
    const [result] = results(out);
    expect(result?.result).toBe("passed");
    expect(result?.measured.phases.during?.requests).toBeGreaterThan(100);
    expect(result?.measured.recoverySeconds).toBeGreaterThan(0);
    expect(result?.expectations.map((e) => e.observed)).toEqual([true, true]);
    expect(result?.expectations[0]?.detail).toMatch(/rate_limit_errors_total rose by \d+ during the fault/);
    expect(result?.undone).toEqual([expect.objectContaining({ what: "start redis again", ok: true })]);
    expect(result?.signature?.algorithm).toBe("ed25519");

    const verified = runCli(["chaos", "verify", join(out, readdirSync(out)[0] as string), "--public-key", keys.publicKey]);
    expect(verified.status, verified.stdout).toBe(0);
    expect(verified.stdout).toMatch(/^VALID /);

    // The gate counts it for api's ratelimit-redis and names what is still missing.
    const gate = runCli(["check", "chaos-readiness", "--catalog", "reference-app/.resilience/catalog.yaml", "--results", relative(repoRoot, out), "--public-key", relative(repoRoot, keys.publicKey), "--format", "json", "--quiet"]);
    expect(gate.status, gate.stderr).toBe(1);
    const findings = (JSON.parse(gate.stdout) as { gates: { findings: { rule: string; message: string }[] }[] }).gates[0]?.findings ?? [];
    // Still missing: api's payments and ledger-db, payments' ledger-db and ratelimit-redis, both pod losses.
    expect(findings.map((f) => f.rule).sort()).toEqual(["CR-001", "CR-001", "CR-001", "CR-001", "CR-002", "CR-002"]);
    expect(findings.some((f) => /service api .*dependency ratelimit-redis/.test(f.message))).toBe(false);
  }, 180_000);

  it("aborts past the abort limit and still undoes the fault: PostgreSQL is back, the result says aborted", async () => {
    const chaos = chaosCopy("abort.yaml", [["fault: { kind: stop-process, process: postgres }\n    steadyState:\n      slos: [api-get-payment-availability]\n    abort: { errorRate: 0.6 }", "fault: { kind: stop-process, process: postgres }\n    steadyState:\n      slos: [api-get-payment-availability]\n    abort: { errorRate: 0.05 }"]]);
    const out = join(scratch, "aborted");
    const run = await runCliAsync(["chaos", "run", "--chaos", chaos, "--experiment", "payments-ledger-db-down", "--key", keys.privateKey, "--out", out], { cwd: app, env });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(1);
    expect(run.stdout).toMatch(/^ABORTED chaos experiment payments-ledger-db-down/m);
    expect(run.stdout).toMatch(/the steady state broke beyond the abort limit \(error rate 5%\); k6 stopped the run/);
    const [result] = results(out);
    expect(result?.result).toBe("aborted");
    expect(result?.measured.phases.during?.aborted).toBe(true);
    expect(result?.undone).toEqual([expect.objectContaining({ ok: true })]);
    expect(await ready(`${env.PAYMENTS_URL}/readyz`)).toBe(true);
  }, 180_000);

  it("undoes the fault on Ctrl-C (SIGINT) in the middle of it, lists what it undid, and exits 130", async () => {
    const chaos = chaosCopy("long.yaml", [["phases: { before: 5s, during: 10s, after: 5s }", "phases: { before: 3s, during: 60s, after: 3s }"]]);
    const child = spawn(process.execPath, [join(repoRoot, "bin", "resilience-gates.js"), "chaos", "run", "--chaos", chaos, "--experiment", "api-redis-down", "--key", keys.privateKey, "--out", join(scratch, "interrupted")], {
      cwd: app,
      env: { ...env, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    const injected = new Promise<void>((resolve) => {
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString("utf8");
        if (/fault injected/.test(stderr)) resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    await Promise.race([injected, exited]);
    expect(stderr).toMatch(/fault injected: redis/);
    expect(await canConnect(Number(env.STACK_REDIS_PORT))).toBe(false);
    child.kill("SIGINT");
    expect(await exited, stderr).toBe(130);
    expect(stderr).toMatch(/SIGINT: undoing what the experiment changed before exiting/);
    expect(stderr).toMatch(/undone: start redis again/);
    expect(await canConnect(Number(env.STACK_REDIS_PORT))).toBe(true);
    const status = stack("status");
    expect(status.status, status.output).toBe(0);
  }, 180_000);
});
