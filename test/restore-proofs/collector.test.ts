import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_KEY_ENV } from "../../src/drill/signing.js";
import { silentLogger } from "../../src/engine/logger.js";
import type { PolicyBundle } from "../../src/engine/policy.js";
import { runGates } from "../../src/engine/run.js";
import type { GateResult } from "../../src/engine/types.js";
import { restoreProofsGate, type RestoreProofsOptions } from "../../src/gates/restore-proofs/index.js";
import { compileGateBundle } from "../backups/bundle.js";
import { repoRoot } from "../support/cli.js";
import { FIXTURE_NOW } from "../support/gate-fixtures.js";

const data = "fixtures/restore-proofs/data";
const publicKey = `${data}/keys/drill-public-key.pem`;
let bundle: PolicyBundle;
beforeAll(async () => {
  bundle = await compileGateBundle(["restore-proofs"]);
});
afterEach(() => {
  delete process.env[PUBLIC_KEY_ENV];
});

async function judge(options: RestoreProofsOptions, now = FIXTURE_NOW): Promise<GateResult> {
  const report = await runGates(
    { config: { workspace: { root: repoRoot, base: repoRoot }, gates: {}, policies: [], rules: {} }, gates: [["restore-proofs", options as unknown as Record<string, unknown>]], now, logger: silentLogger },
    bundle,
  );
  return report.gates[0] as GateResult;
}

const scratchDirectories: string[] = [];
afterAll(() => {
  for (const directory of scratchDirectories) rmSync(directory, { recursive: true, force: true });
});

function scratch(): string {
  mkdirSync(join(repoRoot, ".work"), { recursive: true });
  const directory = mkdtempSync(join(repoRoot, ".work", "proofs-test-"));
  scratchDirectories.push(directory);
  return directory;
}

describe("restore-proofs collector", () => {
  it("errors (and so blocks) without a public key: nothing could be trusted", async () => {
    const result = await judge({ catalog: `${data}/catalog.yaml`, proofs: [`${data}/proofs/ledger-passed.json`] });
    expect(result.verdict).toBe("error");
    expect(result.error).toMatch(/no public key/);
  });

  it("takes the public key from the environment too", async () => {
    process.env[PUBLIC_KEY_ENV] = readFileSync(join(repoRoot, publicKey), "utf8");
    const result = await judge({ catalog: `${data}/catalog.yaml`, proofs: [`${data}/proofs/ledger-passed.json`] });
    expect(result.verdict).toBe("pass");
  });

  it("reads a directory of proofs, judging the newest valid one per store and every file's signature", async () => {
    const result = await judge({ catalog: `${data}/catalog.yaml`, proofs: [`${data}/proofs`], publicKey });
    const rules = new Set(result.findings.map((f) => f.rule));
    // the newest valid ledger-db proof is ledger-failed (2026-10-27); every tampered file is reported
    expect([...rules].sort()).toEqual(["RP-002", "RP-003", "RP-004", "RP-006", "RP-009", "RP-010", "RP-013"]);
    expect(result.findings.filter((f) => f.rule === "RP-004").map((f) => f.location?.file).sort()).toEqual([
      `${data}/proofs/ledger-bad-base64.json`,
      `${data}/proofs/ledger-forged.json`,
      `${data}/proofs/ledger-tampered.json`,
    ]);
    expect(result.findings.find((f) => f.rule === "RP-002")?.location).toEqual({ file: `${data}/proofs/ledger-failed.json`, line: 5, column: 3 });
  });

  it("reports a JSON syntax error with the file, line and column", async () => {
    const dir = scratch();
    writeFileSync(join(dir, "broken.json"), '{\n  "type": "https://resilience-gates.dev/restore-proof/v1",\n  "store": "ledger-db",,\n}\n');
    const result = await judge({ catalog: `${data}/catalog.yaml`, proofs: [join(dir, "*.json")], publicKey });
    const problem = result.findings.find((f) => f.rule === "RP-009");
    expect(problem?.location?.line).toBe(3);
    expect(problem?.location?.column).toBe(24);
    expect(problem?.message).toMatch(/broken.json cannot be used: invalid JSON/);
  });

  it("reports a duplicate key as invalid JSON: two parsers could read two proofs", async () => {
    const dir = scratch();
    const text = readFileSync(join(repoRoot, data, "proofs", "ledger-passed.json"), "utf8").replace('"result": "passed",', '"result": "failed",\n  "result": "passed",');
    writeFileSync(join(dir, "dup.json"), text);
    const result = await judge({ catalog: `${data}/catalog.yaml`, proofs: [dir], publicKey });
    const problem = result.findings.find((f) => f.rule === "RP-009");
    expect(problem?.message).toMatch(/duplicate key/);
    expect(problem?.location?.line).toBe(6);
  });

  it("makes a proofs path that matches nothing an error", async () => {
    const result = await judge({ catalog: `${data}/catalog.yaml`, proofs: [`${data}/none/*.json`], publicKey });
    expect(result.verdict).toBe("error");
  });

  it("ages the proof with input.now", async () => {
    const options: RestoreProofsOptions = { catalog: `${data}/catalog.yaml`, proofs: [`${data}/proofs/ledger-passed.json`], publicKey };
    expect((await judge(options)).verdict).toBe("pass");
    const later = await judge(options, new Date("2027-01-20T00:00:00Z"));
    expect(later.findings.map((f) => f.rule)).toEqual(["RP-008"]);
    expect(later.findings[0]?.message).toMatch(/finished 91d20h ago, longer than its tier 1 restore-drill cadence 90d/);
  });

  it("builds options from one-off flags", () => {
    expect(restoreProofsGate.optionsFromFlags({ catalog: "c.yaml" })).toBeUndefined();
    expect(restoreProofsGate.optionsFromFlags({ catalog: "c.yaml", proofs: ["p/"], "public-key": ["k.pem"] })).toEqual({ catalog: "c.yaml", proofs: ["p/"], publicKey: "k.pem" });
    expect(restoreProofsGate.optionsFromFlags({ proofs: ["p/"], "public-key": ["a.pem", "b.pem"] })).toEqual({ proofs: ["p/"], publicKey: ["a.pem", "b.pem"] });
  });
});
