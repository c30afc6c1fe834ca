import type { KeyObject } from "node:crypto";
import { validate } from "../config/schemas.js";
import { ConfigurationError } from "../engine/errors.js";
import type { SourceLocation } from "../engine/types.js";
import type { Workspace } from "../sources/files.js";
import { parseJsonText, readJsonFile, type JsonFile } from "../sources/json.js";
import type { RestoreProof } from "./proof.js";
import { verifyProof, type SignatureCheck } from "./signing.js";

export type ReadProof =
  | { ok: true; json: JsonFile; proof: RestoreProof; signature: SignatureCheck }
  | { ok: false; message: string; location: SourceLocation };

/**
 * Reads one proof file: strict JSON (a syntax error or truncation is reported at its line and column),
 * valid against schemas/restore-proof.schema.json, and its signature checked against the trusted keys.
 * Every problem is returned, never thrown, so that one broken file does not hide the others.
 */
export function readProofFile(workspace: Workspace, absolute: string, shown: string, trusted: readonly KeyObject[]): ReadProof {
  return checkProof(() => readJsonFile(workspace, absolute, shown), shown, trusted);
}

/** The same checks on a proof's text that did not come from a file (a ConfigMap read from the cluster). */
export function readProofText(text: string, shown: string, trusted: readonly KeyObject[]): ReadProof {
  return checkProof(() => parseJsonText(text, shown), shown, trusted);
}

function checkProof(read: () => JsonFile, shown: string, trusted: readonly KeyObject[]): ReadProof {
  let json: JsonFile;
  try {
    json = read();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      return { ok: false, message: error.message.replace(/^\S+:\d+(:\d+)?: /, ""), location: error.location ?? { file: shown, line: 1 } };
    }
    throw error;
  }
  const problems = validate("restore-proof", json.value, undefined, "the proof");
  if (problems.length > 0) {
    const [first] = problems;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
    return { ok: false, message: `not a valid restore proof (schemas/restore-proof.schema.json): ${first?.message ?? "invalid"}${more}`, location: json.locate(first?.path ?? []) };
  }
  return { ok: true, json, proof: json.value as RestoreProof, signature: verifyProof(json.value, trusted) };
}
