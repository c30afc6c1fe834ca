import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/engine/logger.js";
import type { PolicyBundle } from "../../src/engine/policy.js";
import { runGates } from "../../src/engine/run.js";
import { readinessGate } from "../../src/gates/readiness/index.js";
import { compileGateBundle } from "../backups/bundle.js";
import { repoRoot } from "../support/cli.js";
import { fixtureFiles, fixtureTests, FIXTURE_NOW } from "../support/gate-fixtures.js";
import { requirePromtool, skipWithoutPromtool } from "./promtool.js";

let bundle: PolicyBundle;
beforeAll(async () => {
  requirePromtool();
  bundle = await compileGateBundle(["readiness"]);
});

describe.skipIf(skipWithoutPromtool)("readiness fixtures through the WebAssembly policy", () => {
  fixtureTests("readiness", () => bundle);
});

describe.skipIf(skipWithoutPromtool)("readiness fixtures: every finding points into a file of the repository, with its rule's metadata", () => {
  it.each(fixtureFiles("readiness"))("%s", async (file) => {
    const report = await runGates(
      {
        config: { workspace: { root: repoRoot, base: repoRoot }, gates: {}, policies: [], rules: {} },
        gates: [["readiness", readinessGate.fixtureOptions(join(repoRoot, file)) as Record<string, unknown>]],
        now: FIXTURE_NOW,
        logger: silentLogger,
      },
      bundle,
    );
    for (const finding of report.gates[0]?.findings ?? []) {
      const where = finding.location?.file ?? "";
      expect(existsSync(join(repoRoot, where)), `${finding.rule} points at ${where}`).toBe(true);
      expect(where === file || where.startsWith("fixtures/readiness/data/"), `${finding.rule} points at ${where}`).toBe(true);
      expect(finding.title).not.toBe(finding.rule);
      expect(finding.remediation).not.toBe("");
    }
  });
});
