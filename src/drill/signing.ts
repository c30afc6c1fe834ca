import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";
import { chmodSync, existsSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { makeDirectories } from "../engine/directories.js";
import { ConfigurationError, describeThrown } from "../engine/errors.js";
import { readStandaloneTextFile } from "../sources/files.js";

/**
 * Restore-drill proofs are signed with Ed25519 (RFC 8032, pure, no prehash).
 *
 * What is signed: the UTF-8 bytes of the canonical JSON of the proof without its top-level `signature`
 * member. Canonical JSON is RFC 8785 (JSON Canonicalization Scheme): no whitespace; the members of every
 * object sorted by key, comparing keys as sequences of UTF-16 code units; strings escaped as ECMAScript
 * JSON.stringify escapes them; numbers in ECMAScript's shortest round-trip form (1, 0.5, 1e+21); the
 * literals true, false and null. Array order is kept. Formatting of the file (indentation, key order,
 * 12.50 versus 12.5) therefore does not matter; any change of a value does.
 *
 * The signature member is `{ "algorithm": "ed25519", "keyId": "sha256:<hex>", "value": "<base64>" }`,
 * where keyId is the SHA-256 of the public key's SubjectPublicKeyInfo DER and value the standard
 * base64 (with padding) of the 64-byte signature. keyId only helps pick the key and report which key
 * signed; trust comes from verifying against a configured public key.
 */
export const SIGNATURE_ALGORITHM = "ed25519";
export const PRIVATE_KEY_FILE = "drill-signing-key.pem";
export const PUBLIC_KEY_FILE = "drill-public-key.pem";
export const PRIVATE_KEY_ENV = "RESILIENCE_GATES_DRILL_KEY";
export const PUBLIC_KEY_ENV = "RESILIENCE_GATES_DRILL_PUBLIC_KEY";

export interface ProofSignature {
  algorithm: typeof SIGNATURE_ALGORITHM;
  keyId: string;
  value: string;
}

/** RFC 8785 canonical JSON of a JSON value (see above). Throws on values JSON cannot hold. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`canonical JSON cannot hold the number ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
}

/** The bytes a proof's signature covers: canonical JSON of the proof without `signature`. */
export function signedBytes(proof: Record<string, unknown>): Buffer {
  const { signature: _signature, ...rest } = proof;
  return Buffer.from(canonicalJson(rest), "utf8");
}

export function keyIdOf(publicKey: KeyObject): string {
  return `sha256:${createHash("sha256").update(publicKey.export({ type: "spki", format: "der" })).digest("hex")}`;
}

/** Signs a proof and returns it with its `signature` member (any previous one replaced). */
export function signProof<T extends Record<string, unknown>>(proof: T, privateKey: KeyObject): T & { signature: ProofSignature } {
  const { signature: _old, ...unsigned } = proof;
  const value = sign(null, signedBytes(unsigned), privateKey).toString("base64");
  return { ...(unsigned as T), signature: { algorithm: SIGNATURE_ALGORITHM, keyId: keyIdOf(createPublicKey(privateKey)), value } };
}

export type SignatureStatus = "valid" | "missing" | "invalid";

export interface SignatureCheck {
  status: SignatureStatus;
  /** Why it is not valid, in words; for a valid one, which key verified it. */
  detail: string;
  keyId: string | null;
}

/** Verifies a parsed proof against trusted public keys. Never throws for a bad signature. */
export function verifyProof(proof: unknown, trusted: readonly KeyObject[]): SignatureCheck {
  if (typeof proof !== "object" || proof === null || Array.isArray(proof)) return { status: "invalid", detail: "the proof is not a JSON object", keyId: null };
  const record = proof as Record<string, unknown>;
  const signature = record.signature;
  if (signature === undefined || signature === null) return { status: "missing", detail: "the proof has no signature", keyId: null };
  if (typeof signature !== "object" || Array.isArray(signature)) return { status: "invalid", detail: "`signature` is not an object", keyId: null };
  const { algorithm, keyId, value } = signature as Record<string, unknown>;
  const claimedKey = typeof keyId === "string" ? keyId : null;
  if (algorithm !== SIGNATURE_ALGORITHM) return { status: "invalid", detail: `signature algorithm ${JSON.stringify(algorithm)} is not ed25519`, keyId: claimedKey };
  if (typeof value !== "string" || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return { status: "invalid", detail: "signature value is not base64", keyId: claimedKey };
  const bytes = Buffer.from(value, "base64");
  if (bytes.length !== 64) return { status: "invalid", detail: `signature value is ${bytes.length} bytes, not the 64 of an Ed25519 signature`, keyId: claimedKey };
  let message: Buffer;
  try {
    message = signedBytes(record);
  } catch (error) {
    return { status: "invalid", detail: (error as Error).message, keyId: claimedKey };
  }
  for (const key of trusted) {
    if (verify(null, message, key, bytes)) return { status: "valid", detail: `verified with key ${keyIdOf(key)}`, keyId: keyIdOf(key) };
  }
  const known = trusted.some((key) => keyIdOf(key) === claimedKey);
  return {
    status: "invalid",
    detail: known
      ? `the signature does not verify with trusted key ${claimedKey}, which it names: the proof was changed after it was signed, or the signature is forged`
      : `signed by key ${claimedKey ?? "(no keyId)"}, which is not a trusted key (trusted: ${trusted.map(keyIdOf).join(", ")}): forged, or signed with another key`,
    keyId: claimedKey,
  };
}

/** Reads an Ed25519 public key from PEM (SPKI) text. */
export function parsePublicKey(pem: string, where: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw new ConfigurationError(`${where} is not a PEM public key: ${(error as Error).message}`);
  }
  if (key.asymmetricKeyType !== "ed25519") throw new ConfigurationError(`${where} is a ${key.asymmetricKeyType ?? "unknown"} key; drill proofs use Ed25519`);
  return key;
}

/** Reads an Ed25519 private key from PEM (PKCS#8) text. */
export function parsePrivateKey(pem: string, where: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    throw new ConfigurationError(`${where} is not a PEM private key: ${(error as Error).message}`);
  }
  if (key.asymmetricKeyType !== "ed25519") throw new ConfigurationError(`${where} is a ${key.asymmetricKeyType ?? "unknown"} key; drill proofs use Ed25519`);
  return key;
}

/** The keys a `verify` command trusts: each --public-key file (relative to the working directory), then $RESILIENCE_GATES_DRILL_PUBLIC_KEY. */
export function trustedKeysFrom(files: readonly string[], env: NodeJS.ProcessEnv = process.env): KeyObject[] {
  const trusted = files.map((path) => readPublicKeyFile(resolve(path), path));
  const fromEnv = env[PUBLIC_KEY_ENV];
  if (fromEnv?.trim()) trusted.push(parsePublicKey(fromEnv, `$${PUBLIC_KEY_ENV}`));
  return trusted;
}

export function readPublicKeyFile(file: string, shown = file): KeyObject {
  if (!existsSync(file)) throw new ConfigurationError(`public key ${shown} does not exist`);
  return parsePublicKey(readStandaloneTextFile(file, shown, 64 * 1024), `public key ${shown}`);
}

/**
 * The signing key of a drill: `--key FILE`, else the PEM in $RESILIENCE_GATES_DRILL_KEY. There is no
 * throwaway key: an unverifiable proof would prove nothing.
 */
export function loadSigningKey(file: string | undefined, env: NodeJS.ProcessEnv = process.env): KeyObject {
  if (file) {
    if (!existsSync(file)) throw new ConfigurationError(`signing key ${file} does not exist`);
    return parsePrivateKey(readStandaloneTextFile(file, file, 64 * 1024), `signing key ${file}`);
  }
  const pem = env[PRIVATE_KEY_ENV];
  if (pem?.trim()) return parsePrivateKey(pem, `$${PRIVATE_KEY_ENV}`);
  throw new ConfigurationError(
    `no signing key: pass --key FILE or set ${PRIVATE_KEY_ENV} to the PEM private key (create one with \`resilience-gates drill keygen --out DIR\`)`,
  );
}

/** Writes a new Ed25519 key pair into a directory: the private key readable by its owner only. */
export function writeKeyPair(directory: string, force = false): { privateKey: string; publicKey: string; keyId: string } {
  try {
    makeDirectories(directory);
  } catch (error) {
    throw new ConfigurationError(`cannot create the key directory ${directory}: ${describeThrown(error)}`);
  }
  const privateFile = join(directory, PRIVATE_KEY_FILE);
  const publicFile = join(directory, PUBLIC_KEY_FILE);
  for (const file of [privateFile, publicFile]) {
    if (!force && existsSync(file)) throw new ConfigurationError(`${file} already exists; remove it or pass --force to replace the key pair`);
  }
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  try {
    writeFileSync(privateFile, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
    chmodSync(privateFile, 0o600);
    writeFileSync(publicFile, publicKey.export({ type: "spki", format: "pem" }), { mode: 0o644 });
  } catch (error) {
    throw new ConfigurationError(`cannot write the key pair into ${directory}: ${describeThrown(error)}`);
  }
  return { privateKey: privateFile, publicKey: publicFile, keyId: keyIdOf(publicKey) };
}
