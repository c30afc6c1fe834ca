// The readiness collector on bad input: errors name the file and line, and one bad input never hides
// the findings on the others.
import { beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/engine/logger.js";
import type { PolicyBundle } from "../../src/engine/policy.js";
import { runGates } from "../../src/engine/run.js";
import type { ReadinessOptions } from "../../src/gates/readiness/index.js";
import { compileGateBundle } from "../backups/bundle.js";
import { repoRoot } from "../support/cli.js";
import { FIXTURE_NOW } from "../support/gate-fixtures.js";

let bundle: PolicyBundle;
beforeAll(async () => {
  bundle = await compileGateBundle(["readiness"]);
});

async function judge(options: ReadinessOptions) {
  const report = await runGates(
    { config: { workspace: { root: repoRoot, base: repoRoot }, gates: {}, policies: [], rules: {} }, gates: [["readiness", options as Record<string, unknown>]], now: FIXTURE_NOW, logger: silentLogger },
    bundle,
  );
  const gate = report.gates[0];
  if (!gate) throw new Error("no readiness result");
  return gate;
}

describe("readiness: bad input", () => {
  it("a runbook path outside the repository is an error at its catalog line, and the other service is still judged", async () => {
    const gate = await judge({ catalog: "fixtures/readiness-bad/runbook-outside.yaml" });
    expect(gate.verdict).toBe("error");
    expect(gate.error).toMatch(/fixtures\/readiness-bad\/runbook-outside\.yaml:8:\d+: runbook \.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd is outside the repository/);
    expect(gate.findings.map((f) => `${f.rule} ${f.resource?.name}`)).toContain("RD-004 search");
  });

  it("a catalog that does not match its schema is an error at the offending key", async () => {
    const gate = await judge({ catalog: "fixtures/readiness-bad/catalog-invalid.yaml" });
    expect(gate.verdict).toBe("error");
    expect(gate.error).toMatch(/fixtures\/readiness-bad\/catalog-invalid\.yaml:6:\d+: catalog: .*onCall/);
  });
});

