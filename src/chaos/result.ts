import type { Workspace } from "../sources/files.js";
import { writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { KeyObject } from "node:crypto";
import { signProof, type ProofSignature } from "../drill/signing.js";
import { readSignedFile, readSignedText, type ReadSigned, type SignedKind } from "../drill/verify.js";
import { formatMs, formatPercent } from "../gates/load-budget/index.js";
import { makeDirectories } from "../engine/directories.js";

export const RESULT_TYPE = "https://resilience-gates.dev/chaos-result/v1";
export const CHAOS_RESULT: SignedKind = { schema: "chaos-result", noun: "chaos result" };

export type Phase = "before" | "during" | "after";

export interface PhaseFigures {
  requests: number;
  errors: number;
  durationSeconds: number;
  aborted: boolean;
}

export interface SliRecord {
  phase: Phase;
  slo: string;
  objective: number;
  target: number;
  samples: number;
  ratio: number | null;
  quantileSeconds: number | null;
  met: boolean;
  required: boolean;
}

export interface ExpectationRecord {
  description: string;
  observed: boolean;
  detail: string;
}

export interface Touched {
  kind: string;
  name: string;
  namespace?: string;
  action: string;
}

export interface UndoRecord {
  what: string;
  ok: boolean;
  detail?: string;
}

/** A chaos-experiment result (schemas/chaos-result.schema.json). */
export interface ChaosResult {
  type: typeof RESULT_TYPE;
  experiment: string;
  service: string;
  dependency: string | null;
  podLoss: boolean;
  target: "local" | "kubernetes";
  serviceVersion: string | null;
  result: "passed" | "failed" | "aborted";
  fault: { kind: string; detail: string };
  times: { startedAt: string; faultStartedAt: string | null; faultEndedAt: string | null; recoveredAt: string | null; finishedAt: string };
  measured: { recoverySeconds: number | null; phases: Partial<Record<Phase, PhaseFigures>> };
  slis: SliRecord[];
  expectations: ExpectationRecord[];
  touched: Touched[];
  undone: UndoRecord[];
  host?: string;
  tools: Record<string, string>;
  failures: string[];
  signature?: ProofSignature;
  [key: string]: unknown;
}

/** One SLO objective's measurement in words: `api-latency#0 212ms over 300 (target 0.95)`. */
export function sliText(record: Pick<SliRecord, "slo" | "objective" | "quantileSeconds" | "ratio" | "samples" | "target">): string {
  const value = record.quantileSeconds !== null ? formatMs(record.quantileSeconds * 1000) : record.ratio !== null ? formatPercent(record.ratio) : "no data";
  return `${record.slo}#${record.objective} ${value} over ${record.samples} (target ${record.target})`;
}

/** Signs the result with a drill key and writes it as indented JSON; returns the signed result. */
export function writeSignedResult(result: ChaosResult, key: KeyObject, file: string): ChaosResult {
  const signed = signProof(result, key);
  makeDirectories(dirname(file));
  writeFileSync(file, `${JSON.stringify(signed, null, 2)}\n`);
  return signed;
}

export function readResultFile(workspace: Workspace, absolute: string, shown: string, trusted: readonly KeyObject[]): ReadSigned<ChaosResult> {
  return readSignedFile<ChaosResult>(workspace, absolute, shown, trusted, CHAOS_RESULT);
}

export function readResultText(text: string, shown: string, trusted: readonly KeyObject[]): ReadSigned<ChaosResult> {
  return readSignedText<ChaosResult>(text, shown, trusted, CHAOS_RESULT);
}
