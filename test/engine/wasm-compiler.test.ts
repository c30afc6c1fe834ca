// WebAssembly stays on V8's baseline compiler (src/engine/wasm-compiler.ts): on Node 24 the optimizing
// tier took ~610 MB of compiler memory for one function of libpg-query's parser, a 633 MB peak for a
// one-file `check migrations` (Node 20: 131 MB). Runs on whatever Node runs the tests (CI: 20 and 24).
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/cli.js";

const preload = join(mkdtempSync(join(tmpdir(), "rg-wasm-")), "peak.mjs");
// Writes the process's peak RSS (kB) to stderr on exit: the CLI's own report goes to --output.
writeFileSync(preload, 'process.on("exit", () => process.stderr.write(`\\npeak-rss-kb ${process.resourceUsage().maxRSS}\\n`));\n');

function migrations(env: NodeJS.ProcessEnv = {}) {
  const output = join(mkdtempSync(join(tmpdir(), "rg-wasm-out-")), "report.json");
  const run = spawnSync(
    process.execPath,
    ["--trace-wasm-compilation-times", "--import", preload, join(repoRoot, "bin", "resilience-gates.js"), "check", "migrations", "--files", "fixtures/migrations/add_column_defaults.sql", "--format", "json", "--output", output, "--quiet"],
    { cwd: repoRoot, encoding: "utf8", env: { ...process.env, ...env } },
  );
  const peak = Number(/peak-rss-kb (\d+)/.exec(run.stderr)?.[1]);
  return { status: run.status, optimized: run.stdout.split("\n").filter((line) => / using TurboFan/.test(line)).length, peakMb: peak / 1024 };
}

describe("WebAssembly on the baseline compiler", () => {
  it("tiers no function up to the optimizing compiler, and a one-file migrations check stays small", () => {
    const run = migrations();
    expect(run.status).toBe(1);
    expect(run.optimized).toBe(0);
    expect(run.peakMb).toBeGreaterThan(0);
    expect(run.peakMb).toBeLessThan(250);
  }, 60_000);

  it("RESILIENCE_GATES_WASM_TIER_UP=on leaves V8's default tiering", () => {
    expect(migrations({ RESILIENCE_GATES_WASM_TIER_UP: "on" }).optimized).toBeGreaterThan(0);
  }, 60_000);
});
