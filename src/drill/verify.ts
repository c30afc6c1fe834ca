import type { KeyObject } from "node:crypto";
import { validate, type SchemaName } from "../config/schemas.js";
import { ConfigurationError } from "../engine/errors.js";
import type { SourceLocation } from "../engine/types.js";
import type { Workspace } from "../sources/files.js";
import { parseJsonText, readJsonFile, type JsonFile } from "../sources/json.js";
import type { RestoreProof } from "./proof.js";
import { verifyProof, type SignatureCheck } from "./signing.js";

export type ReadSigned<T> =
  | { ok: true; json: JsonFile; proof: T; signature: SignatureCheck }
  | { ok: false; message: string; location: SourceLocation };

export type ReadProof = ReadSigned<RestoreProof>;

/** A kind of signed evidence: its schema, and what messages call it. */
export interface SignedKind {
  schema: SchemaName;
  /** "restore proof", "chaos result". */
  noun: string;
}

export const RESTORE_PROOF: SignedKind = { schema: "restore-proof", noun: "restore proof" };

/**
 * Reads one proof file: strict JSON (a syntax error or truncation is reported at its line and column),
 * valid against schemas/restore-proof.schema.json, and its signature checked against the trusted keys.
 * Every problem is returned, never thrown, so that one broken file does not hide the others.
 */
export function readProofFile(workspace: Workspace, absolute: string, shown: string, trusted: readonly KeyObject[]): ReadProof {
  return readSignedFile<RestoreProof>(workspace, absolute, shown, trusted, RESTORE_PROOF);
}

/** The same checks on a proof's text that did not come from a file (a ConfigMap read from the cluster). */
export function readProofText(text: string, shown: string, trusted: readonly KeyObject[]): ReadProof {
  return readSignedText<RestoreProof>(text, shown, trusted, RESTORE_PROOF);
}

/** Any signed evidence file (restore proof, chaos result): the same JSON, schema and signature checks. */
export function readSignedFile<T>(workspace: Workspace, absolute: string, shown: string, trusted: readonly KeyObject[], kind: SignedKind): ReadSigned<T> {
  return checkSigned<T>(() => readJsonFile(workspace, absolute, shown), shown, trusted, kind);
}

export function readSignedText<T>(text: string, shown: string, trusted: readonly KeyObject[], kind: SignedKind): ReadSigned<T> {
  return checkSigned<T>(() => parseJsonText(text, shown), shown, trusted, kind);
}

function checkSigned<T>(read: () => JsonFile, shown: string, trusted: readonly KeyObject[], kind: SignedKind): ReadSigned<T> {
  let json: JsonFile;
  try {
    json = read();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      return { ok: false, message: error.message.replace(/^\S+:\d+(:\d+)?: /, ""), location: error.location ?? { file: shown, line: 1 } };
    }
    throw error;
  }
  const problems = validate(kind.schema, json.value, undefined, `the ${kind.noun.split(" ").at(-1) ?? "document"}`);
  if (problems.length > 0) {
    const [first] = problems;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
    return { ok: false, message: `not a valid ${kind.noun} (schemas/${kind.schema}.schema.json): ${first?.message ?? "invalid"}${more}`, location: json.locate(first?.path ?? []) };
  }
  return { ok: true, json, proof: json.value as T, signature: verifyProof(json.value, trusted) };
}
