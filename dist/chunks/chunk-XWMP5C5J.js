import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  loadKubeConfig,
  parseJsonText,
  readJsonFile
} from "./chunk-3ONCGH4O.js";
import {
  makeDirectories
} from "./chunk-XIZQFOMP.js";
import {
  isRecord
} from "./chunk-CWLLBQX2.js";
import {
  validate
} from "./chunk-QSZOVTT4.js";
import {
  readStandaloneTextFile
} from "./chunk-HDD5QP5V.js";
import {
  CollectorError,
  ConfigurationError,
  describeThrown
} from "./chunk-2GHCG2EG.js";

// src/drill/signing.ts
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from "node:crypto";
import { chmodSync, existsSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
var SIGNATURE_ALGORITHM = "ed25519";
var PRIVATE_KEY_FILE = "drill-signing-key.pem";
var PUBLIC_KEY_FILE = "drill-public-key.pem";
var PRIVATE_KEY_ENV = "RESILIENCE_GATES_DRILL_KEY";
var PUBLIC_KEY_ENV = "RESILIENCE_GATES_DRILL_PUBLIC_KEY";
function canonicalJson(value) {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`canonical JSON cannot hold the number ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value).filter(([, item]) => item !== void 0);
    entries.sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
}
function signedBytes(proof) {
  const { signature: _signature, ...rest } = proof;
  return Buffer.from(canonicalJson(rest), "utf8");
}
function keyIdOf(publicKey) {
  return `sha256:${createHash("sha256").update(publicKey.export({ type: "spki", format: "der" })).digest("hex")}`;
}
function signProof(proof, privateKey) {
  const { signature: _old, ...unsigned } = proof;
  const value = sign(null, signedBytes(unsigned), privateKey).toString("base64");
  return { ...unsigned, signature: { algorithm: SIGNATURE_ALGORITHM, keyId: keyIdOf(createPublicKey(privateKey)), value } };
}
function verifyProof(proof, trusted) {
  if (typeof proof !== "object" || proof === null || Array.isArray(proof)) return { status: "invalid", detail: "the proof is not a JSON object", keyId: null };
  const record = proof;
  const signature = record.signature;
  if (signature === void 0 || signature === null) return { status: "missing", detail: "the proof has no signature", keyId: null };
  if (typeof signature !== "object" || Array.isArray(signature)) return { status: "invalid", detail: "`signature` is not an object", keyId: null };
  const { algorithm, keyId, value } = signature;
  const claimedKey = typeof keyId === "string" ? keyId : null;
  if (algorithm !== SIGNATURE_ALGORITHM) return { status: "invalid", detail: `signature algorithm ${JSON.stringify(algorithm)} is not ed25519`, keyId: claimedKey };
  if (typeof value !== "string" || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return { status: "invalid", detail: "signature value is not base64", keyId: claimedKey };
  const bytes = Buffer.from(value, "base64");
  if (bytes.length !== 64) return { status: "invalid", detail: `signature value is ${bytes.length} bytes, not the 64 of an Ed25519 signature`, keyId: claimedKey };
  let message;
  try {
    message = signedBytes(record);
  } catch (error) {
    return { status: "invalid", detail: error.message, keyId: claimedKey };
  }
  for (const key of trusted) {
    if (verify(null, message, key, bytes)) return { status: "valid", detail: `verified with key ${keyIdOf(key)}`, keyId: keyIdOf(key) };
  }
  const known = trusted.some((key) => keyIdOf(key) === claimedKey);
  return {
    status: "invalid",
    detail: known ? `the signature does not verify with trusted key ${claimedKey}, which it names: the proof was changed after it was signed, or the signature is forged` : `signed by key ${claimedKey ?? "(no keyId)"}, which is not a trusted key (trusted: ${trusted.map(keyIdOf).join(", ")}): forged, or signed with another key`,
    keyId: claimedKey
  };
}
function parsePublicKey(pem, where) {
  let key;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw new ConfigurationError(`${where} is not a PEM public key: ${error.message}`);
  }
  if (key.asymmetricKeyType !== "ed25519") throw new ConfigurationError(`${where} is a ${key.asymmetricKeyType ?? "unknown"} key; drill proofs use Ed25519`);
  return key;
}
function parsePrivateKey(pem, where) {
  let key;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    throw new ConfigurationError(`${where} is not a PEM private key: ${error.message}`);
  }
  if (key.asymmetricKeyType !== "ed25519") throw new ConfigurationError(`${where} is a ${key.asymmetricKeyType ?? "unknown"} key; drill proofs use Ed25519`);
  return key;
}
function trustedKeysFrom(files, env = process.env) {
  const trusted = files.map((path) => readPublicKeyFile(resolve(path), path));
  const fromEnv = env[PUBLIC_KEY_ENV];
  if (fromEnv?.trim()) trusted.push(parsePublicKey(fromEnv, `$${PUBLIC_KEY_ENV}`));
  return trusted;
}
function readPublicKeyFile(file, shown = file) {
  if (!existsSync(file)) throw new ConfigurationError(`public key ${shown} does not exist`);
  return parsePublicKey(readStandaloneTextFile(file, shown, 64 * 1024), `public key ${shown}`);
}
function loadSigningKey(file, env = process.env) {
  if (file) {
    if (!existsSync(file)) throw new ConfigurationError(`signing key ${file} does not exist`);
    return parsePrivateKey(readStandaloneTextFile(file, file, 64 * 1024), `signing key ${file}`);
  }
  const pem = env[PRIVATE_KEY_ENV];
  if (pem?.trim()) return parsePrivateKey(pem, `$${PRIVATE_KEY_ENV}`);
  throw new ConfigurationError(
    `no signing key: pass --key FILE or set ${PRIVATE_KEY_ENV} to the PEM private key (create one with \`resilience-gates drill keygen --out DIR\`)`
  );
}
function writeKeyPair(directory, force = false) {
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
    writeFileSync(privateFile, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 384 });
    chmodSync(privateFile, 384);
    writeFileSync(publicFile, publicKey.export({ type: "spki", format: "pem" }), { mode: 420 });
  } catch (error) {
    throw new ConfigurationError(`cannot write the key pair into ${directory}: ${describeThrown(error)}`);
  }
  return { privateKey: privateFile, publicKey: publicFile, keyId: keyIdOf(publicKey) };
}

// src/drill/verify.ts
var RESTORE_PROOF = { schema: "restore-proof", noun: "restore proof" };
function readProofFile(workspace, absolute, shown, trusted) {
  return readSignedFile(workspace, absolute, shown, trusted, RESTORE_PROOF);
}
function readSignedFile(workspace, absolute, shown, trusted, kind) {
  return checkSigned(() => readJsonFile(workspace, absolute, shown), shown, trusted, kind);
}
function readSignedText(text, shown, trusted, kind) {
  return checkSigned(() => parseJsonText(text, shown), shown, trusted, kind);
}
function checkSigned(read, shown, trusted, kind) {
  let json;
  try {
    json = read();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      return { ok: false, message: error.message.replace(/^\S+:\d+(:\d+)?: /, ""), location: error.location ?? { file: shown, line: 1 } };
    }
    throw error;
  }
  const problems = validate(kind.schema, json.value, void 0, `the ${kind.noun.split(" ").at(-1) ?? "document"}`);
  if (problems.length > 0) {
    const [first] = problems;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
    return { ok: false, message: `not a valid ${kind.noun} (schemas/${kind.schema}.schema.json): ${first?.message ?? "invalid"}${more}`, location: json.locate(first?.path ?? []) };
  }
  return { ok: true, json, proof: json.value, signature: verifyProof(json.value, trusted) };
}

// src/drill/publish.ts
var PROOF_LABEL = "resilience-gates.io/restore-proof";
var PROOF_KEY = "proof.json";
var RESTORE_PROOF_CONFIGMAP = { label: PROOF_LABEL, dataKey: PROOF_KEY, field: "store", namePrefix: "restore-proof-", noun: "restore proof" };
async function publishProof(file, shown, options) {
  const published = await publishSigned(file, shown, options, RESTORE_PROOF_CONFIGMAP);
  return { namespace: published.namespace, name: published.name, store: published.value };
}
async function publishSigned(file, shown, options, kind) {
  const text = readStandaloneTextFile(file, shown);
  const json = parseJsonText(text, shown);
  const value = isRecord(json.value) ? json.value[kind.field] : void 0;
  if (typeof value !== "string" || !/^[a-z0-9]([a-z0-9._-]{0,61}[a-z0-9])?$/.test(value)) {
    throw new ConfigurationError(`${shown} has no \`${kind.field}\` that can be a label value; is it a ${kind.noun}?`, json.locate([kind.field]));
  }
  const { config, contextName } = await loadKubeConfig(options.context);
  const { ApiException, CoreV1Api } = await import("./kube-client-KMNGKWQL.js");
  const namespace = options.namespace ?? config.getContextObject(contextName)?.namespace ?? "default";
  const name = options.name ?? `${kind.namePrefix}${value}`;
  const body = { apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace, labels: { [kind.label]: value } }, data: { [kind.dataKey]: text } };
  const api = config.makeApiClient(CoreV1Api);
  try {
    try {
      await api.createNamespacedConfigMap({ namespace, body });
    } catch (error) {
      if (!(error instanceof ApiException) || error.code !== 409) throw error;
      await api.replaceNamespacedConfigMap({ name, namespace, body });
    }
  } catch (error) {
    const detail = error instanceof ApiException ? `HTTP ${error.code}: ${apiMessage(error.body)}` : String(error);
    throw new CollectorError(
      `cannot publish ${shown} as ConfigMap ${namespace}/${name} (context ${contextName}): ${detail}${error instanceof ApiException && error.code === 403 ? ` (the drill's service account needs "create" and "update" on "configmaps" in that namespace)` : ""}`
    );
  }
  return { namespace, name, value };
}
function apiMessage(body) {
  if (typeof body === "string") {
    try {
      const parsed = JSON.parse(body);
      if (isRecord(parsed) && typeof parsed.message === "string") return parsed.message;
    } catch {
      return body.slice(0, 300);
    }
  }
  return isRecord(body) && typeof body.message === "string" ? body.message : JSON.stringify(body).slice(0, 300);
}

export {
  PUBLIC_KEY_ENV,
  signProof,
  parsePublicKey,
  trustedKeysFrom,
  readPublicKeyFile,
  loadSigningKey,
  writeKeyPair,
  RESTORE_PROOF,
  readProofFile,
  readSignedFile,
  readSignedText,
  RESTORE_PROOF_CONFIGMAP,
  publishProof,
  publishSigned
};
