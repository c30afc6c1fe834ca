import { join } from "node:path";
import { compilePolicies } from "../../src/engine/bundle.js";
import { PolicyBundle } from "../../src/engine/policy.js";
import { repoRoot } from "../support/cli.js";

/**
 * Compiles only the named gates' packages with the real opa (another package in policies/ may be
 * mid-edit), the way the built bundle is compiled, and loads the WebAssembly.
 */
export async function compileGateBundle(gates: readonly string[]): Promise<PolicyBundle> {
  const directories = gates.map((gate) => join(repoRoot, "policies", gate.replace(/-/g, "_")));
  const compiled = await compilePolicies(directories, gates, repoRoot);
  return PolicyBundle.load(compiled.wasm, compiled.rules, `test-${gates.join("+")}`);
}
