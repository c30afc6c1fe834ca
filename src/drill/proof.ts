import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { KeyObject } from "node:crypto";
import { signProof, type ProofSignature } from "./signing.js";

export const PROOF_TYPE = "https://resilience-gates.dev/restore-proof/v1";

/** Source or restored side of an integrity check. */
export interface Measurement {
  rows?: number;
  checksum?: string;
  keys?: number;
  volatileKeys?: number;
  type?: string;
  digest?: string;
}

export interface IntegrityCheck {
  kind: "table" | "database" | "key";
  name: string;
  passed: boolean;
  source?: Measurement;
  restored?: Measurement;
  detail?: string;
}

export interface SmokeCheck {
  name: string;
  passed: boolean;
  detail?: string;
  durationMs?: number;
}

/** A restore-drill proof (schemas/restore-proof.schema.json). */
export interface RestoreProof {
  type: typeof PROOF_TYPE;
  store: string;
  engine: "postgres" | "redis" | "object-storage" | "other";
  result: "passed" | "failed";
  backup: { id: string; time: string; method: string; sizeBytes?: number; sha256?: string };
  drill: { startedAt: string; restoreStartedAt: string; verifiedAt: string | null; finishedAt: string; source?: string; scratch?: string; host?: string };
  measured: { rtoSeconds: number | null; rpoSeconds: number };
  integrity: { passed: boolean; method?: string; checks: IntegrityCheck[] };
  smoke: SmokeCheck[];
  tools: Record<string, string>;
  failures: string[];
  signature?: ProofSignature;
  [key: string]: unknown;
}

/** Seconds between two instants, to the millisecond. */
export function secondsBetween(from: Date, to: Date): number {
  return Math.round(to.getTime() - from.getTime()) / 1000;
}

/** A URL with its password (and query secrets) removed: what a proof may say about where it ran. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    for (const key of [...parsed.searchParams.keys()]) if (/pass|secret|token|key/i.test(key)) parsed.searchParams.set(key, "***");
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}

/** Signs the proof and writes it as indented JSON; returns the signed proof. */
export function writeSignedProof(proof: RestoreProof, key: KeyObject, file: string): RestoreProof {
  const signed = signProof(proof, key);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(signed, null, 2)}\n`);
  return signed;
}
