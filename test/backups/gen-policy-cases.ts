// Writes fixtures/policy-cases/<pkg>/data.json for the named gates only, exactly as
// scripts/build-policies.ts does for all of them, so `opa test` can judge these gates' fixtures while
// another package is mid-edit:  npx tsx test/backups/gen-policy-cases.ts backups restore-proofs
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { policyPackage } from "../../src/engine/bundle.js";
import { silentLogger } from "../../src/engine/logger.js";
import { GATES } from "../../src/gates/registry.js";
import { fixtureExpectations } from "../support/fixtures.js";

const root = process.cwd();
const now = new Date("2026-11-01T00:00:00Z");
for (const id of process.argv.slice(2)) {
  const gate = GATES.get(id);
  if (!gate) throw new Error(`no gate ${id}`);
  const directory = join("fixtures", id);
  const files = readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
    .map((entry) => entry.name)
    .sort();
  const cases = [];
  for (const file of files) {
    const path = join(directory, file);
    const collected = await gate.collect({ workspace: { root, base: root }, logger: silentLogger, now }, gate.fixtureOptions(path));
    const expect = [...new Set(fixtureExpectations(path).map((entry) => entry.rule))].sort();
    cases.push({ name: file, input: { ...collected.input, now: Math.floor(now.getTime() / 1000) }, expect });
  }
  const out = join("fixtures", "policy-cases", policyPackage(id));
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "data.json"), `${JSON.stringify({ policy_cases: cases }, null, 1)}\n`);
  console.error(`fixtures: ${cases.length} cases for ${id}`);
}
