import type { CliFlag } from "../engine/gate.js";
import { BACKUPS_FLAGS } from "./backups/flags.js";
import { CHAOS_READINESS_FLAGS } from "./chaos-readiness/flags.js";
import { LOAD_BUDGET_FLAGS } from "./load-budget/flags.js";
import { MIGRATIONS_FLAGS } from "./migrations/flags.js";
import { READINESS_FLAGS } from "./readiness/flags.js";
import { RELEASE_FLAGS } from "./release/flags.js";
import { RESTORE_PROOFS_FLAGS } from "./restore-proofs/flags.js";
import { SECURITY_CONTEXT_FLAGS } from "./security-context/flags.js";
import { SLO_FLAGS } from "./slo/flags.js";

/** Each gate's one-off flags, by gate id; light enough for `--help`. */
export const GATE_FLAGS: ReadonlyMap<string, readonly CliFlag[]> = new Map([
  ["security-context", SECURITY_CONTEXT_FLAGS],
  ["migrations", MIGRATIONS_FLAGS],
  ["backups", BACKUPS_FLAGS],
  ["restore-proofs", RESTORE_PROOFS_FLAGS],
  ["chaos-readiness", CHAOS_READINESS_FLAGS],
  ["release", RELEASE_FLAGS],
  ["load-budget", LOAD_BUDGET_FLAGS],
  ["slo", SLO_FLAGS],
  ["readiness", READINESS_FLAGS],
]);
