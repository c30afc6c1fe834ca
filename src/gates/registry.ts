import type { Gate } from "../engine/gate.js";
import { backupsGate } from "./backups/index.js";
import { chaosReadinessGate } from "./chaos-readiness/index.js";
import { loadBudgetGate } from "./load-budget/index.js";
import { migrationsGate } from "./migrations/index.js";
import { readinessGate } from "./readiness/index.js";
import { releaseGate } from "./release/index.js";
import { restoreProofsGate } from "./restore-proofs/index.js";
import { securityContextGate } from "./security-context/index.js";
import { sloGate } from "./slo/index.js";

/** Every gate, by id. Adding a gate is a folder in src/gates/, a package in policies/ and a line here. */
export const GATES: ReadonlyMap<string, Gate<object>> = new Map<string, Gate<object>>([
  [securityContextGate.id, securityContextGate],
  [migrationsGate.id, migrationsGate],
  [backupsGate.id, backupsGate],
  [restoreProofsGate.id, restoreProofsGate],
  [chaosReadinessGate.id, chaosReadinessGate],
  [releaseGate.id, releaseGate],
  [loadBudgetGate.id, loadBudgetGate],
  [sloGate.id, sloGate],
  [readinessGate.id, readinessGate],
]);
