// Compiles policies/ to dist/policies.wasm with the real opa, extracts rule METADATA to dist/rules.json,
// and turns fixtures/<gate>/*.yaml into fixtures/policy-cases/<gate>/data.json, the cases that
// `opa test` runs, so opa test and the WebAssembly path judge the same inputs.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compilePolicies, policiesDigest, policyPackage } from "../src/engine/bundle.js";
import { silentLogger } from "../src/engine/logger.js";
import { GATES } from "../src/gates/registry.js";
import { fixtureExpectations } from "../test/support/fixtures.js";

const root = process.cwd();
const started = Date.now();
const compiled = await compilePolicies([join(root, "policies")], [...GATES.keys()], root);
mkdirSync("dist", { recursive: true });
writeFileSync("dist/policies.wasm", compiled.wasm);
writeFileSync("dist/rules.json", `${JSON.stringify({ digest: policiesDigest([join(root, "policies")]), rules: compiled.rules }, null, 2)}\n`);
copyFileSync("node_modules/@open-policy-agent/opa-wasm/capabilities.json", "dist/opa-wasm-capabilities.json");
console.error(`policies: ${compiled.rules.length} rules, entrypoints ${compiled.entrypoints.join(", ")} (${Date.now() - started} ms)`);

const now = new Date("2026-11-01T00:00:00Z");
for (const [id, gate] of GATES) {
  const directory = join("fixtures", id);
  let files: string[];
  try {
    files = readdirSync(directory, { withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
      .map((entry) => entry.name)
      .sort();
  } catch {
    continue;
  }
  const cases = [];
  for (const file of files) {
    const path = join(directory, file);
    const collected = await gate.collect(
      { workspace: { root, base: root }, logger: silentLogger, now },
      gate.fixtureOptions(path),
    );
    const expect = [...new Set(fixtureExpectations(path).map((entry) => entry.rule))].sort();
    const documents: Record<string, unknown>[] = [];
    if (collected.slices) for await (const slice of collected.slices) documents.push(slice);
    else if (collected.input) documents.push(collected.input);
    if (documents.length !== 1) throw new Error(`${path}: a fixture must make one input document, not ${documents.length}`);
    cases.push({ name: file, input: { ...documents[0], now: Math.floor(now.getTime() / 1000) }, expect });
  }
  const out = join("fixtures", "policy-cases", policyPackage(id));
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "data.json"), `${JSON.stringify({ policy_cases: cases }, null, 1)}\n`);
  console.error(`fixtures: ${cases.length} cases for ${id}`);
}
