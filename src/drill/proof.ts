import { writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { dirname } from "node:path";
import type { KeyObject } from "node:crypto";
import { redactUrl } from "../sources/credentials.js";
import { signProof, type ProofSignature } from "./signing.js";
import { makeDirectories } from "../engine/directories.js";

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

/** What a drill measured, in the terms both engines share; `assembleProof` turns it into the proof. */
export interface DrillOutcome {
  store: string;
  engine: RestoreProof["engine"];
  backup: RestoreProof["backup"];
  /** Where the restore point came from and where it was restored to (passwords are redacted here). */
  source: string;
  scratch?: string;
  startedAt: Date;
  restoreStartedAt: Date;
  /** When every integrity check had run; null when the drill stopped before that. */
  verifiedAt: Date | null;
  /** The restore point: the snapshot the backup holds. */
  backupTime: Date;
  integrityMethod: string;
  checks: IntegrityCheck[];
  smoke: SmokeCheck[];
  tools: Record<string, string>;
  failures: string[];
}

/** The unsigned proof of a drill: passed only when it was verified and nothing failed. RTO ends at "verified". */
export function assembleProof(outcome: DrillOutcome, finishedAt: Date = new Date()): RestoreProof {
  const { verifiedAt, restoreStartedAt } = outcome;
  return {
    type: PROOF_TYPE,
    store: outcome.store,
    engine: outcome.engine,
    result: outcome.failures.length === 0 && verifiedAt !== null ? "passed" : "failed",
    backup: outcome.backup,
    drill: {
      startedAt: outcome.startedAt.toISOString(),
      restoreStartedAt: restoreStartedAt.toISOString(),
      verifiedAt: verifiedAt?.toISOString() ?? null,
      finishedAt: finishedAt.toISOString(),
      source: redactUrl(outcome.source),
      ...(outcome.scratch ? { scratch: redactUrl(outcome.scratch) } : {}),
      host: hostname(),
    },
    measured: {
      rtoSeconds: verifiedAt ? secondsBetween(restoreStartedAt, verifiedAt) : null,
      rpoSeconds: Math.max(0, secondsBetween(outcome.backupTime, restoreStartedAt)),
    },
    integrity: { passed: outcome.checks.every((check) => check.passed), method: outcome.integrityMethod, checks: outcome.checks },
    smoke: outcome.smoke,
    tools: outcome.tools,
    failures: outcome.failures,
  };
}

/** Seconds between two instants, to the millisecond. */
export function secondsBetween(from: Date, to: Date): number {
  return Math.round(to.getTime() - from.getTime()) / 1000;
}

/** Signs the proof and writes it as indented JSON; returns the signed proof. */
export function writeSignedProof(proof: RestoreProof, key: KeyObject, file: string): RestoreProof {
  const signed = signProof(proof, key);
  makeDirectories(dirname(file));
  writeFileSync(file, `${JSON.stringify(signed, null, 2)}\n`);
  return signed;
}
