import { join } from "node:path";
import { compilePolicies } from "../../src/engine/bundle.js";
import { PolicyBundle } from "../../src/engine/policy.js";
import { repoRoot } from "../support/cli.js";

let bundle: Promise<PolicyBundle> | undefined;

/**
 * The migrations policies compiled on their own with the real opa, so these tests do not depend on
 * dist/ being rebuilt or on another gate's policies compiling.
 */
export function migrationsBundle(): Promise<PolicyBundle> {
  bundle ??= (async () => {
    const compiled = await compilePolicies([join(repoRoot, "policies", "migrations")], ["migrations"], repoRoot);
    return PolicyBundle.load(compiled.wasm, compiled.rules, "migrations-test");
  })();
  return bundle;
}
