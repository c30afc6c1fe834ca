import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/engine/logger.js";
import type { PolicyBundle } from "../../src/engine/policy.js";
import { runGates } from "../../src/engine/run.js";
import { backupsGate } from "../../src/gates/backups/index.js";
import { repoRoot } from "../support/cli.js";
import { fixtureFiles, fixtureTests, FIXTURE_NOW } from "../support/gate-fixtures.js";
import { compileGateBundle } from "./bundle.js";

let bundle: PolicyBundle;
beforeAll(async () => {
  bundle = await compileGateBundle(["backups"]);
});

describe("backups fixtures through the WebAssembly policy", () => {
  fixtureTests("backups", () => bundle);
});

describe("backups fixtures: every finding points into a file of the case", () => {
  it.each(fixtureFiles("backups"))("%s", async (file) => {
    const options = backupsGate.fixtureOptions(join(repoRoot, file));
    const report = await runGates(
      { config: { workspace: { root: repoRoot, base: repoRoot }, gates: {}, policies: [], rules: {} }, gates: [["backups", options as Record<string, unknown>]], now: FIXTURE_NOW, logger: silentLogger },
      bundle,
    );
    for (const finding of report.gates[0]?.findings ?? []) {
      const where = finding.location?.file ?? "";
      expect(existsSync(join(repoRoot, where)), `${finding.rule} points at ${where}`).toBe(true);
      expect(where === file || where.startsWith("fixtures/backups/data/"), `${finding.rule} points at ${where}`).toBe(true);
      expect(finding.title).not.toBe(finding.rule);
      expect(finding.remediation).not.toBe("");
    }
  });
});
