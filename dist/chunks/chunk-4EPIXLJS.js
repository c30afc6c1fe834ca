import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  parseJsonText,
  readJsonFile
} from "./chunk-T3SNR5LJ.js";
import {
  isRecord
} from "./chunk-K5VVQ2NH.js";
import {
  validate
} from "./chunk-XI6Y4Q6H.js";
import {
  readTextFile
} from "./chunk-4MMK2NZR.js";
import {
  CollectorError,
  ConfigurationError,
  describeThrown
} from "./chunk-TPY7VXDW.js";

// src/drill/signing.ts
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
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
function readPublicKeyFile(file, shown = file) {
  if (!existsSync(file)) throw new ConfigurationError(`public key ${shown} does not exist`);
  return parsePublicKey(readFileSync(file, "utf8"), `public key ${shown}`);
}
function loadSigningKey(file, env = process.env) {
  if (file) {
    if (!existsSync(file)) throw new ConfigurationError(`signing key ${file} does not exist`);
    return parsePrivateKey(readFileSync(file, "utf8"), `signing key ${file}`);
  }
  const pem = env[PRIVATE_KEY_ENV];
  if (pem?.trim()) return parsePrivateKey(pem, `$${PRIVATE_KEY_ENV}`);
  throw new ConfigurationError(
    `no signing key: pass --key FILE or set ${PRIVATE_KEY_ENV} to the PEM private key (create one with \`resilience-gates drill keygen --out DIR\`)`
  );
}
function writeKeyPair(directory, force = false) {
  mkdirSync(directory, { recursive: true });
  const privateFile = join(directory, PRIVATE_KEY_FILE);
  const publicFile = join(directory, PUBLIC_KEY_FILE);
  for (const file of [privateFile, publicFile]) {
    if (!force && existsSync(file)) throw new ConfigurationError(`${file} already exists; remove it or pass --force to replace the key pair`);
  }
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  writeFileSync(privateFile, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 384 });
  chmodSync(privateFile, 384);
  writeFileSync(publicFile, publicKey.export({ type: "spki", format: "pem" }), { mode: 420 });
  return { privateKey: privateFile, publicKey: publicFile, keyId: keyIdOf(publicKey) };
}

// src/sources/cluster.ts
import { request as httpsRequest } from "node:https";
import { request as httpRequest } from "node:http";
var CLUSTER_DEFAULTS = { pageSize: 500, concurrency: 4, timeoutSeconds: 30 };
function apiVersionOf(type) {
  return type.group === "" ? type.version : `${type.group}/${type.version}`;
}
function rbacResource(type) {
  return type.group === "" ? type.plural : `${type.plural}.${type.group}`;
}
async function loadKubeConfig(context) {
  const { KubeConfig } = await import("./kube-client-ZGFU47PR.js");
  const config = new KubeConfig();
  try {
    config.loadFromDefault();
  } catch (error) {
    throw new ConfigurationError(`cluster: cannot load the kubeconfig (KUBECONFIG or ~/.kube/config): ${describeThrown(error)}`);
  }
  if (context !== void 0) {
    if (!config.getContextObject(context)) {
      const known = config.getContexts().map((entry) => entry.name);
      throw new ConfigurationError(`cluster: the kubeconfig has no context ${context} (it has ${known.length ? known.join(", ") : "none"})`);
    }
    config.setCurrentContext(context);
  }
  const cluster = config.getCurrentCluster();
  const contextName = config.getCurrentContext();
  if (!cluster || contextName === "loaded-context" && cluster.server === "http://localhost:8080" && !process.env.KUBERNETES_SERVICE_HOST) {
    throw new ConfigurationError(
      `cluster: no Kubernetes cluster to read: no kubeconfig with a current context was found (set KUBECONFIG or write ~/.kube/config, give --context, or run in a pod with a service account)`
    );
  }
  return { config, cluster, contextName };
}
var ClusterReader = class _ClusterReader {
  constructor(connection, options, logger) {
    this.connection = connection;
    this.options = options;
    this.logger = logger;
  }
  connection;
  options;
  logger;
  static async connect(options, logger) {
    if (options.allNamespaces && options.namespace) {
      throw new ConfigurationError("cluster: give either namespace or allNamespaces (--namespace or --all-namespaces), not both");
    }
    const { config, cluster, contextName } = await loadKubeConfig(options.context);
    const base = {};
    try {
      await config.applyToHTTPSOptions(base);
    } catch (error) {
      throw new CollectorError(`cluster: cannot get credentials for context ${contextName}: ${describeThrown(error)}`);
    }
    const secure = cluster.server.startsWith("https:");
    if (!secure) delete base.agent;
    const contextNamespace = config.getContextObject(contextName)?.namespace;
    const namespace = options.allNamespaces ? void 0 : options.namespace ?? contextNamespace ?? "default";
    const connection = {
      server: cluster.server.replace(/\/+$/, ""),
      context: contextName,
      user: config.getCurrentUser()?.name ?? "(none)",
      namespace,
      base,
      secure
    };
    return new _ClusterReader(
      connection,
      {
        pageSize: options.pageSize ?? CLUSTER_DEFAULTS.pageSize,
        concurrency: options.concurrency ?? CLUSTER_DEFAULTS.concurrency,
        timeoutSeconds: options.timeoutSeconds ?? CLUSTER_DEFAULTS.timeoutSeconds
      },
      logger
    );
  }
  /** The same connection reading another namespace; unchanged when it reads all namespaces. */
  inNamespace(namespace) {
    if (this.connection.namespace === void 0) return this;
    return new _ClusterReader({ ...this.connection, namespace }, this.options, this.logger);
  }
  /** "context kind-prod (https://127.0.0.1:6443), namespace shop": for messages and reports. */
  describe() {
    const scope = this.connection.namespace === void 0 ? "all namespaces" : `namespace ${this.connection.namespace}`;
    return `context ${this.connection.context} (${this.connection.server}), ${scope}`;
  }
  /** Short name for evidence and messages: "cluster context kind-prod". */
  get label() {
    return `cluster context ${this.connection.context}`;
  }
  /**
   * Lists every kind, `concurrency` requests at a time, each kind page by page. A custom resource whose
   * CRD is not installed comes back `absent` when `optional` says it may be; otherwise that is an error.
   */
  async listAll(types, optional = () => false) {
    const results = new Array(types.length);
    let next = 0;
    const worker = async () => {
      while (next < types.length) {
        const index = next++;
        const type = types[index];
        const objects = await this.list(type, optional(type));
        results[index] = objects === void 0 ? { type, absent: true } : { type, objects };
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, types.length) }, worker));
    return results;
  }
  async list(type, optional) {
    const prefix = type.group === "" ? `/api/${type.version}` : `/apis/${type.group}/${type.version}`;
    const scope = this.connection.namespace === void 0 ? "" : `/namespaces/${encodeURIComponent(this.connection.namespace)}`;
    const path = `${prefix}${scope}/${type.plural}`;
    const objects = [];
    let token;
    let pages = 0;
    do {
      const query = new URLSearchParams({ limit: String(this.options.pageSize) });
      if (type.labelSelector) query.set("labelSelector", type.labelSelector);
      if (token) query.set("continue", token);
      const response = await this.get(`${path}?${query.toString()}`, type);
      if (response.status === 404 && type.crd && pages === 0) {
        if (optional) {
          this.logger.info(`${type.kind} (${apiVersionOf(type)}) is not served: the CustomResourceDefinition ${type.crd} is not installed; none read`);
          return void 0;
        }
        throw new CollectorError(
          `cluster: the CustomResourceDefinition ${type.crd} (${apiVersionOf(type)} ${type.kind}) is not installed on ${this.connection.server} (context ${this.connection.context}), but the configuration needs it; install it or remove ${type.kind} from the configuration`
        );
      }
      if (response.status !== 200) throw this.failure(response, type);
      const body = response.body;
      const items = isRecord(body) && Array.isArray(body.items) ? body.items : void 0;
      if (!items) throw new CollectorError(`cluster: GET ${path} on ${this.connection.server} did not return a list of ${type.kind}`);
      for (const item of items) {
        if (!isRecord(item)) continue;
        const metadata2 = isRecord(item.metadata) ? item.metadata : void 0;
        if (metadata2) delete metadata2.managedFields;
        objects.push({ apiVersion: apiVersionOf(type), kind: type.kind, ...item });
      }
      const metadata = isRecord(body) && isRecord(body.metadata) ? body.metadata : {};
      token = typeof metadata.continue === "string" && metadata.continue !== "" ? metadata.continue : void 0;
      pages++;
      if (token) this.logger.info(`read ${objects.length} ${type.plural} so far (page ${pages})`);
    } while (token);
    this.logger.info(`read ${objects.length} ${rbacResource(type)} from ${this.describe()}`);
    return objects;
  }
  /** Why a list failed, in words a user can act on; for 403, the verb and resource RBAC must grant. */
  failure(response, type) {
    const { server, context, user, namespace } = this.connection;
    const message = isRecord(response.body) && typeof response.body.message === "string" ? response.body.message : JSON.stringify(response.body)?.slice(0, 300);
    const where = namespace === void 0 ? "at cluster scope (all namespaces)" : `in namespace ${namespace}`;
    switch (response.status) {
      case 401:
        return new CollectorError(
          `cluster: the API server ${server} rejected the credentials of user ${user} (context ${context}) with 401 Unauthorized: the token or client certificate is expired, revoked or invalid; renew the credentials in the kubeconfig`
        );
      case 403:
        return new CollectorError(
          `cluster: RBAC does not allow user ${user} (context ${context}) to list ${rbacResource(type)} ${where}: grant verb "list" on resource "${type.plural}" in API group "${type.group}" (the ${namespace === void 0 ? "ClusterRole" : "Role"} in charts/resilience-gates-rbac does). The API server said: ${message}`
        );
      case 410:
        return new CollectorError(`cluster: the list of ${rbacResource(type)} changed too much while it was paged (410 Gone: ${message}); run the gate again`);
      case 504:
      case 408:
        return new CollectorError(`cluster: the API server ${server} timed out listing ${rbacResource(type)} ${where} (${response.status}): ${message}`);
      default:
        return new CollectorError(`cluster: listing ${rbacResource(type)} ${where} on ${server} failed with HTTP ${response.status}: ${message}`);
    }
  }
  get(path, type) {
    const { server, context } = this.connection;
    const url = new URL(`${server}${path}`);
    const timeoutMs = this.options.timeoutSeconds * 1e3;
    return new Promise((resolve, reject) => {
      const send = this.connection.secure ? httpsRequest : httpRequest;
      const request = send(
        url,
        { ...this.connection.base, method: "GET", headers: { ...this.connection.base.headers, Accept: "application/json" }, timeout: timeoutMs },
        (response) => {
          const chunks = [];
          response.on("data", (chunk) => chunks.push(chunk));
          response.on("error", (error) => reject(new CollectorError(`cluster: reading ${url.pathname} from ${server} failed: ${error.message}`)));
          response.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            let body = text;
            try {
              body = JSON.parse(text);
            } catch {
            }
            resolve({ status: response.statusCode ?? 0, body });
          });
        }
      );
      request.on("timeout", () => {
        request.destroy(
          new CollectorError(
            `cluster: the API server ${server} (context ${context}) did not answer GET ${url.pathname} (${rbacResource(type)}) within ${this.options.timeoutSeconds}s (timeoutSeconds)`
          )
        );
      });
      request.on("error", (error) => {
        if (error instanceof CollectorError) reject(error);
        else reject(new CollectorError(`cluster: cannot reach the Kubernetes API server ${server} (context ${context}): ${error.code ? `${error.code} ` : ""}${error.message}`));
      });
      request.end();
    });
  }
};
function objectKey(kind, namespace, name) {
  return `${kind} ${namespace ? `${namespace}/` : ""}${name}`;
}
function liveManifest(object, repository) {
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  const kind = String(object.kind);
  const name = String(metadata.name);
  const namespace = typeof metadata.namespace === "string" ? metadata.namespace : void 0;
  const source = repository.get(objectKey(kind, namespace, name)) ?? repository.get(objectKey(kind, void 0, name));
  return {
    object,
    apiVersion: String(object.apiVersion),
    ref: namespace ? { kind, name, namespace } : { kind, name },
    locate: (path) => source?.locate(path)
  };
}
function repositoryIndex(objects) {
  return new Map(objects.map((manifest) => [objectKey(manifest.ref.kind, manifest.ref.namespace, manifest.ref.name), manifest]));
}
function clusterFromFlags(flags) {
  if (flags.cluster !== true) return void 0;
  return {
    ...typeof flags.context === "string" ? { context: flags.context } : {},
    ...typeof flags.namespace === "string" ? { namespace: flags.namespace } : {},
    ...flags["all-namespaces"] === true ? { allNamespaces: true } : {}
  };
}

// src/drill/publish.ts
var PROOF_LABEL = "resilience-gates.io/restore-proof";
var PROOF_KEY = "proof.json";
async function publishProof(file, shown, options) {
  const text = readTextFile(file, shown);
  const json = parseJsonText(text, shown);
  const store = isRecord(json.value) ? json.value.store : void 0;
  if (typeof store !== "string" || !/^[a-z0-9]([a-z0-9._-]{0,61}[a-z0-9])?$/.test(store)) {
    throw new ConfigurationError(`${shown} has no \`store\` that can be a label value; is it a restore proof?`, json.locate(["store"]));
  }
  const { config, contextName } = await loadKubeConfig(options.context);
  const { ApiException, CoreV1Api } = await import("./kube-client-ZGFU47PR.js");
  const namespace = options.namespace ?? config.getContextObject(contextName)?.namespace ?? "default";
  const name = options.name ?? `restore-proof-${store}`;
  const body = { apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace, labels: { [PROOF_LABEL]: store } }, data: { [PROOF_KEY]: text } };
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
  return { namespace, name, store };
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

// src/drill/verify.ts
function readProofFile(absolute, shown, trusted) {
  return checkProof(() => readJsonFile(absolute, shown, 64 * 1024 * 1024), shown, trusted);
}
function readProofText(text, shown, trusted) {
  return checkProof(() => parseJsonText(text, shown), shown, trusted);
}
function checkProof(read, shown, trusted) {
  let json;
  try {
    json = read();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      return { ok: false, message: error.message.replace(/^\S+:\d+(:\d+)?: /, ""), location: error.location ?? { file: shown, line: 1 } };
    }
    throw error;
  }
  const problems = validate("restore-proof", json.value, void 0, "the proof");
  if (problems.length > 0) {
    const [first] = problems;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
    return { ok: false, message: `not a valid restore proof (schemas/restore-proof.schema.json): ${first?.message ?? "invalid"}${more}`, location: json.locate(first?.path ?? []) };
  }
  return { ok: true, json, proof: json.value, signature: verifyProof(json.value, trusted) };
}

export {
  ClusterReader,
  objectKey,
  liveManifest,
  repositoryIndex,
  clusterFromFlags,
  PUBLIC_KEY_ENV,
  signProof,
  parsePublicKey,
  readPublicKeyFile,
  loadSigningKey,
  writeKeyPair,
  PROOF_LABEL,
  PROOF_KEY,
  publishProof,
  readProofFile,
  readProofText
};
