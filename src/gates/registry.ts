import type { Gate } from "../engine/gate.js";
import { securityContextGate } from "./security-context/index.js";

/** Every gate, by id. Adding a gate is a folder in src/gates/, a package in policies/ and a line here. */
export const GATES: ReadonlyMap<string, Gate<object>> = new Map<string, Gate<object>>([[securityContextGate.id, securityContextGate]]);
