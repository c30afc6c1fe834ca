import { join } from "node:path";
import { compilePolicies } from "../../src/engine/bundle.js";
import { silentLogger } from "../../src/engine/logger.js";
import { PolicyBundle } from "../../src/engine/policy.js";
import { runGates } from "../../src/engine/run.js";
import type { GateResult } from "../../src/engine/types.js";
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

/** Runs the migrations gate alone on a workspace, with these options, as `check` would. */
export async function judgeMigrations(bundle: PolicyBundle, root: string, options: Record<string, unknown>): Promise<GateResult> {
  const report = await runGates(
    {
      config: { workspace: { root, base: root }, gates: {}, policies: [], rules: {} },
      gates: [["migrations", options]],
      now: new Date("2026-11-01T00:00:00Z"),
      logger: silentLogger,
    },
    bundle,
  );
  const result = report.gates[0];
  if (!result) throw new Error("no result");
  return result;
}
