import { setFlagsFromString } from "node:v8";

/**
 * Keeps WebAssembly on V8's baseline compiler (Liftoff): no function is tiered up to the optimizing
 * compiler. Measured with /usr/bin/time -v on `check migrations` of one file: Node 24 (V8 13.6) peaked
 * at 633 MB against Node 20's 131 MB, because its optimizing tier (Turboshaft) takes ~610 MB of compiler
 * zone memory and ~2 s to optimize one 102 KB function of libpg-query's WebAssembly (PostgreSQL's
 * generated grammar parser), where Node 20's TurboFan took 8 MB. The baseline code is fast enough for a
 * run of a CLI or an action (on 1,000 migration files the whole run was faster without the tier-up),
 * and the peak is the same on every Node version. Process-wide (worker threads included); call it at
 * startup, before any module is compiled. `RESILIENCE_GATES_WASM_TIER_UP=on` leaves V8's default.
 */
export function keepWasmOnBaselineCompiler(env: NodeJS.ProcessEnv = process.env): void {
  if (env.RESILIENCE_GATES_WASM_TIER_UP === "on") return;
  // Tier up only the function with this index, which no module has.
  setFlagsFromString(`--wasm-tier-up-filter=${2 ** 31 - 1}`);
}
