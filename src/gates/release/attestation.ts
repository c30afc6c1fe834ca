import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";
import { writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { ConfigurationError } from "../../engine/errors.js";
import type { Logger } from "../../engine/logger.js";
import type { GateResult, Report } from "../../engine/types.js";
import { RELEASE_GATE, releaseFactsFor, type ReleaseFacts, type ReleaseOptions } from "./index.js";
import { makeDirectories } from "../../engine/directories.js";

export const ATTESTATION_TYPE = "https://resilience-gates.dev/attestation/release/v1";
export const DEFAULT_SIGNING_KEY_ENV = "RESILIENCE_GATES_SIGNING_KEY";

/** What was decided, about what, when, and by which rules. The signature covers exactly this. */
export interface AttestationPayload {
  type: typeof ATTESTATION_TYPE;
  repository: string | null;
  tag: string | null;
  commit: string | null;
  decidedAt: string;
  verdict: GateResult["verdict"];
  approved: boolean;
  /** Why the gate could not decide (verdict `error`): it did not approve, and says why. */
  error?: string;
  requiredGates: string[];
  gates: Record<
    string,
    { conclusion: string | null; status: string; checkRun: number | null; url: string | null; completedAt: string | null; workflow?: { path: string | null; branch: string | null; run: number | null } }
  >;
  freshness: Record<string, { verdict: string; findings: number }>;
  findings: { rule: string; severity: string; message: string }[];
  ruleBundleDigest: string;
  tool: { name: "resilience-gates"; version: string };
}

export interface Attestation {
  payload: AttestationPayload;
  signature: {
    algorithm: "ed25519";
    /** sha256 of the public key (SPKI DER), hex. */
    keyId: string;
    publicKey: string;
    /** True when no key was configured and a throwaway key signed: integrity only, not origin. */
    ephemeral: boolean;
    /** base64 Ed25519 signature of the canonical JSON of `payload`. */
    value: string;
  };
}

/** JSON with object keys sorted at every level: the bytes that are signed and verified. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function buildPayload(facts: ReleaseFacts, result: GateResult, digest: string, now: Date, version: string): AttestationPayload {
  return {
    type: ATTESTATION_TYPE,
    repository: facts.repository,
    tag: facts.tag,
    commit: facts.commit,
    decidedAt: now.toISOString(),
    verdict: result.verdict,
    approved: result.verdict === "pass" || result.verdict === "warn",
    ...(result.verdict === "error" ? { error: result.error ?? "the gate could not run" } : {}),
    requiredGates: facts.requiredGates,
    gates: Object.fromEntries(
      facts.requiredGates.map((gate) => {
        const run = facts.checkRuns.find((candidate) => candidate.gate === gate);
        const workflow = run?.workflow ? { workflow: { path: run.workflow.path, branch: run.workflow.head_branch, run: run.workflow.run_id } } : {};
        return [gate, { conclusion: run?.conclusion ?? null, status: run?.status ?? "missing", checkRun: run?.id ?? null, url: run?.url ?? null, completedAt: run?.completed_at ?? null, ...workflow }];
      }),
    ),
    freshness: Object.fromEntries(facts.freshness.map((fact) => [fact.gate, { verdict: fact.verdict, findings: fact.findings }])),
    findings: result.findings.map((finding) => ({ rule: finding.rule, severity: finding.severity, message: finding.message })),
    ruleBundleDigest: digest,
    tool: { name: "resilience-gates", version },
  };
}

/** The signing key from a PKCS#8 PEM, or a throwaway one when none is configured. */
export function signingKey(pem: string | undefined): { key: KeyObject; ephemeral: boolean } {
  if (!pem?.trim()) return { key: generateKeyPairSync("ed25519").privateKey, ephemeral: true };
  let key: KeyObject;
  try {
    key = createPrivateKey(pem.includes("-----BEGIN") ? pem : Buffer.from(pem, "base64").toString("utf8"));
  } catch (error) {
    throw new ConfigurationError(`the release signing key is not a PEM private key: ${(error as Error).message}`);
  }
  if (key.asymmetricKeyType !== "ed25519") throw new ConfigurationError(`the release signing key is ${key.asymmetricKeyType ?? "unknown"}, not Ed25519`);
  return { key, ephemeral: false };
}

export function signPayload(payload: AttestationPayload, privateKey: KeyObject, ephemeral: boolean): Attestation {
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: "spki", format: "der" });
  return {
    payload,
    signature: {
      algorithm: "ed25519",
      keyId: createHash("sha256").update(der).digest("hex"),
      publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
      ephemeral,
      value: sign(null, Buffer.from(canonicalJson(payload)), privateKey).toString("base64"),
    },
  };
}

/**
 * What a verification established: `valid` only when the trusted key signed exactly this payload;
 * `invalid` when the signature does not hold (or another key signed); `unverified` when no trusted key
 * was given and the signature holds only against the key the attestation carries itself (anyone can
 * make such a self-signed attestation: it proves integrity, never origin).
 */
export type AttestationVerification = "valid" | "invalid" | "unverified";

/** Verifies an attestation's signature against `trustedPublicKey` (PEM); without one it is at most `unverified`. */
export function verifyAttestation(attestation: Attestation, trustedPublicKey?: string): AttestationVerification {
  if (attestation.signature?.algorithm !== "ed25519") return "invalid";
  let key: KeyObject;
  try {
    key = createPublicKey(trustedPublicKey ?? attestation.signature.publicKey);
  } catch {
    if (trustedPublicKey) throw new ConfigurationError("the trusted public key is not a PEM public key");
    return "invalid";
  }
  const der = key.export({ type: "spki", format: "der" });
  if (createHash("sha256").update(der).digest("hex") !== attestation.signature.keyId) return "invalid";
  let holds: boolean;
  try {
    holds = verify(null, Buffer.from(canonicalJson(attestation.payload)), key, Buffer.from(attestation.signature.value, "base64"));
  } catch {
    holds = false;
  }
  if (!holds) return "invalid";
  return trustedPublicKey ? "valid" : "unverified";
}

export function writeAttestation(path: string, attestation: Attestation): void {
  makeDirectories(dirname(path));
  writeFileSync(path, `${JSON.stringify(attestation, null, 2)}\n`);
}

export interface AttestRequest {
  report: Report;
  /** The gates and options the engine ran: the release gate's options object finds its facts. */
  gates: readonly [string, Record<string, unknown>][];
  bundleDigest: string;
  now: Date;
  /** Directory the attestation path is relative to (the project directory). */
  base: string;
  version: string;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
}

/**
 * What is known of the release when the gate could not collect its facts (no token, an unreadable
 * check-runs file, an API failure): the tag, commit and repository it was asked about, nothing more.
 */
function factsWithoutCollection(options: ReleaseOptions, env: NodeJS.ProcessEnv): ReleaseFacts {
  const ref = options.tag ? `refs/tags/${options.tag}` : env.GITHUB_REF;
  const tag = options.tag ?? (ref?.startsWith("refs/tags/") ? ref.slice("refs/tags/".length) : undefined);
  return {
    repository: options.repository ?? env.GITHUB_REPOSITORY ?? null,
    ref: ref ?? null,
    tag: tag ?? null,
    tagPattern: options.tagPattern ?? "v*",
    commit: options.commit ?? env.GITHUB_SHA ?? null,
    tagCommit: null,
    requiredGates: options.requiredGates ?? [],
    checkRuns: [],
    freshness: [],
    source: options.checkRunsFile ? "file" : "api",
  };
}

/**
 * Writes the signed attestation of the release decision whenever the release gate ran, whatever its
 * verdict: a gate that could not collect its facts (verdict `error`) attests a refusal naming the error.
 * Returns its path. Called after the verdict by whatever ran the engine (the action, the CLI); `base` is
 * the project directory, which a relative `attestation.path` is resolved against.
 */
export function attestRelease(request: AttestRequest): string | undefined {
  const planned = request.gates.find(([id]) => id === RELEASE_GATE);
  const result = request.report.gates.find((gate) => gate.id === RELEASE_GATE);
  if (!planned || !result) return undefined;
  const options = planned[1] as ReleaseOptions;
  if (options.attestation?.enabled === false) return undefined;
  const env = request.env ?? process.env;
  const facts = releaseFactsFor(options) ?? factsWithoutCollection(options, env);
  const keyEnv = options.attestation?.signingKeyEnv ?? DEFAULT_SIGNING_KEY_ENV;
  const { key, ephemeral } = signingKey(env[keyEnv]);
  if (ephemeral) request.logger.warn(`release: ${keyEnv} is not set; the attestation is signed with a throwaway key (integrity only, not origin)`);
  const attestation = signPayload(buildPayload(facts, result, request.bundleDigest, request.now, request.version), key, ephemeral);
  const path = resolve(request.base, options.attestation?.path ?? "release-attestation.json");
  writeAttestation(path, attestation);
  request.logger.info(`release: attestation (${result.verdict}) written to ${path}, key ${attestation.signature.keyId.slice(0, 16)}`);
  return path;
}
