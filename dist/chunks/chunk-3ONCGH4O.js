import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  isRecord,
  parseYamlDocuments
} from "./chunk-CWLLBQX2.js";
import {
  LineIndex,
  expandGlobs,
  filesBelow,
  readTextFile,
  resolveInside
} from "./chunk-HDD5QP5V.js";
import {
  CollectorError,
  ConfigurationError,
  describeThrown
} from "./chunk-2GHCG2EG.js";

// src/sources/json.ts
import { lstatSync, statSync } from "node:fs";
function readJsonFile(workspace, absolute, shown, maxBytes) {
  const text = readTextFile(workspace, absolute, shown, maxBytes);
  return parseJsonText(text, shown);
}
function parseJsonText(text, shown) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error.message;
    const position = /at position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : text.trimEnd().length;
    const { line, column } = new LineIndex(text).position(Math.min(offset, text.length));
    const what = position ? message.replace(/\s*in JSON at position \d+.*$/s, "").replace(/^Unexpected token/, "unexpected token") : message;
    const truncated = offset >= text.trimEnd().length - 1 || /end of (JSON|data) input/i.test(message) ? " (the file ends early: truncated?)" : "";
    throw new ConfigurationError(`invalid JSON: ${firstLine(what)}${truncated}`, { file: shown, line, column });
  }
  let located;
  try {
    const [document] = parseYamlDocuments(text, shown);
    located = document ? (path) => document.locate(path) : void 0;
  } catch (error) {
    if (error instanceof ConfigurationError && /duplicate key/.test(error.message)) {
      throw new ConfigurationError("invalid JSON: duplicate key: two parsers could read two different values", error.location);
    }
  }
  return {
    file: shown,
    text,
    value,
    locate: (path) => {
      const position = located?.(path) ?? { line: 1, column: 1 };
      return { file: shown, line: position.line, column: position.column };
    }
  };
}
function firstLine(message) {
  return message.split("\n")[0] ?? message;
}
function expandJsonInputs(workspace, inputs, what) {
  const files = /* @__PURE__ */ new Set();
  const globs = [];
  for (const input of inputs) {
    if (/[*?[\]{}!]/.test(input)) {
      globs.push(input);
      continue;
    }
    const absolute = resolveInside(workspace, input, what);
    if (!lstatSync(absolute, { throwIfNoEntry: false })) throw new ConfigurationError(`${what} ${input} does not exist`);
    if (statSync(absolute, { throwIfNoEntry: false })?.isDirectory()) {
      for (const file of filesBelow(workspace, absolute, (name) => name.endsWith(".json"), what)) files.add(file);
    } else files.add(absolute);
  }
  if (globs.length > 0) for (const file of expandGlobs(workspace, globs, { what })) files.add(file);
  return [...files].sort();
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
  const { KubeConfig } = await import("./kube-client-KMNGKWQL.js");
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

export {
  readJsonFile,
  parseJsonText,
  expandJsonInputs,
  loadKubeConfig,
  ClusterReader,
  objectKey,
  liveManifest,
  repositoryIndex,
  clusterFromFlags
};
