import type { CliFlag } from "../engine/gate.js";
import { SECURITY_CONTEXT_FLAGS } from "./security-context/flags.js";

/** Each gate's one-off flags, by gate id; light enough for `--help`. */
export const GATE_FLAGS: ReadonlyMap<string, readonly CliFlag[]> = new Map([["security-context", SECURITY_CONTEXT_FLAGS]]);
