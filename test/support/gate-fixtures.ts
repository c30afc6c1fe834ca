import { readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { silentLogger } from "../../src/engine/logger.js";
import type { PolicyBundle } from "../../src/engine/policy.js";
import { runGates } from "../../src/engine/run.js";
import { GATES } from "../../src/gates/registry.js";
import { repoRoot } from "./cli.js";
import { fixtureExpectations } from "./fixtures.js";

export const FIXTURE_NOW = new Date("2026-11-01T00:00:00Z");

export function fixtureFiles(gateId: string): string[] {
  return readdirSync(join(repoRoot, "fixtures", gateId), { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
    .map((entry) => join("fixtures", gateId, entry.name))
    .sort();
}

/**
 * One test per fixture: run it through the whole engine (collector, WebAssembly policy, locations) and
 * compare every finding's rule, line and column with the fixture's `expect:` header, exactly.
 */
export function fixtureTests(gateId: string, bundle: () => PolicyBundle): void {
  const gate = GATES.get(gateId);
  if (!gate) throw new Error(`no gate ${gateId}`);
  it.each(fixtureFiles(gateId))("%s", async (file) => {
    const report = await runGates(
      {
        config: { workspace: { root: repoRoot, base: repoRoot }, gates: {}, policies: [], rules: {} },
        gates: [[gateId, gate.fixtureOptions(file) as Record<string, unknown>]],
        now: FIXTURE_NOW,
        logger: silentLogger,
      },
      bundle(),
    );
    const result = report.gates[0];
    expect(result?.error).toBeUndefined();
    const actual = (result?.findings ?? []).map((f) => `${f.rule}@${f.location?.line}:${f.location?.column}`).sort();
    const expected = fixtureExpectations(join(repoRoot, file)).map((e) => `${e.rule}@${e.line}:${e.column}`).sort();
    expect(actual).toEqual(expected);
  });
}
