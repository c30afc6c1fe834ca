import { request as httpsRequest, type RequestOptions } from "node:https";
import { request as httpRequest } from "node:http";
import type { Cluster, KubeConfig } from "@kubernetes/client-node";
import { CollectorError, ConfigurationError, describeThrown } from "../engine/errors.js";
import type { Logger } from "../engine/logger.js";
import { isRecord, type ManifestObject } from "./kubernetes.js";

/** `cluster:` of a gate's options (or `--cluster`): where and how to read the live objects. */
export interface ClusterOptions {
  /** kubeconfig context; the current context when unset. In a pod without a kubeconfig, the service account is used. */
  context?: string;
  /** The one namespace to read; the context's namespace (or `default`) when unset. */
  namespace?: string;
  /** Read every namespace (needs the ClusterRole rather than the namespaced Role). */
  allNamespaces?: boolean;
  /** Objects per list request (`limit`); the rest is fetched with `continue`. */
  pageSize?: number;
  /** List requests in flight at once. */
  concurrency?: number;
  /** Seconds one request may take before the read fails. */
  timeoutSeconds?: number;
}

/** A kind the gates read, with where the API serves it. */
export interface ResourceType {
  kind: string;
  group: string;
  version: string;
  plural: string;
  /** Set for custom resources: the CRD a 404 means is not installed. */
  crd?: string;
  /** Only the objects this label selector matches (`resilience-gates.io/restore-proof`). */
  labelSelector?: string;
}

const CLUSTER_DEFAULTS = { pageSize: 500, concurrency: 4, timeoutSeconds: 30 } as const;

/** What a list of one kind came back with: the objects, or that the CRD is not installed. */
export type ListResult = { type: ResourceType; objects: Record<string, unknown>[] } | { type: ResourceType; absent: true };

interface Connection {
  server: string;
  context: string;
  user: string;
  /** Namespace to read, or undefined for all namespaces. */
  namespace: string | undefined;
  base: RequestOptions;
  secure: boolean;
}

function apiVersionOf(type: ResourceType): string {
  return type.group === "" ? type.version : `${type.group}/${type.version}`;
}

/** `cronjobs.batch`, `pods`: the resource as RBAC names it. */
export function rbacResource(type: ResourceType): string {
  return type.group === "" ? type.plural : `${type.plural}.${type.group}`;
}

/**
 * The kubeconfig (KUBECONFIG, ~/.kube/config, or in a pod its service account) with `context` as the
 * current context; a missing file, context or cluster is a ConfigurationError that says what to do.
 */
export async function loadKubeConfig(context: string | undefined): Promise<{ config: KubeConfig; cluster: Cluster; contextName: string }> {
  const { KubeConfig } = await import("./kube-client.js");
  const config = new KubeConfig();
  try {
    config.loadFromDefault();
  } catch (error) {
    throw new ConfigurationError(`cluster: cannot load the kubeconfig (KUBECONFIG or ~/.kube/config): ${describeThrown(error)}`);
  }
  if (context !== undefined) {
    if (!config.getContextObject(context)) {
      const known = config.getContexts().map((entry) => entry.name);
      throw new ConfigurationError(`cluster: the kubeconfig has no context ${context} (it has ${known.length ? known.join(", ") : "none"})`);
    }
    config.setCurrentContext(context);
  }
  const cluster = config.getCurrentCluster();
  const contextName = config.getCurrentContext();
  // Without a kubeconfig and outside a pod, @kubernetes/client-node falls back to http://localhost:8080.
  if (!cluster || (contextName === "loaded-context" && cluster.server === "http://localhost:8080" && !process.env.KUBERNETES_SERVICE_HOST)) {
    throw new ConfigurationError(
      `cluster: no Kubernetes cluster to read: no kubeconfig with a current context was found (set KUBECONFIG or write ~/.kube/config, give --context, or run in a pod with a service account)`,
    );
  }
  return { config, cluster, contextName };
}

/** Reads objects from a live API server through the kubeconfig (or the pod's service account). */
export class ClusterReader {
  private constructor(
    private readonly connection: Connection,
    private readonly options: Required<Pick<ClusterOptions, "pageSize" | "concurrency" | "timeoutSeconds">>,
    private readonly logger: Logger,
  ) {}

  static async connect(options: ClusterOptions, logger: Logger): Promise<ClusterReader> {
    if (options.allNamespaces && options.namespace) {
      throw new ConfigurationError("cluster: give either namespace or allNamespaces (--namespace or --all-namespaces), not both");
    }
    const { config, cluster, contextName } = await loadKubeConfig(options.context);
    const base: RequestOptions = {};
    try {
      await config.applyToHTTPSOptions(base);
    } catch (error) {
      throw new CollectorError(`cluster: cannot get credentials for context ${contextName}: ${describeThrown(error)}`);
    }
    const secure = cluster.server.startsWith("https:");
    // The agent carries the TLS settings; a plain-HTTP server (a local proxy) takes none.
    if (!secure) delete base.agent;
    const contextNamespace = config.getContextObject(contextName)?.namespace;
    const namespace = options.allNamespaces ? undefined : (options.namespace ?? contextNamespace ?? "default");
    const connection: Connection = {
      server: cluster.server.replace(/\/+$/, ""),
      context: contextName,
      user: config.getCurrentUser()?.name ?? "(none)",
      namespace,
      base,
      secure,
    };
    return new ClusterReader(
      connection,
      {
        pageSize: options.pageSize ?? CLUSTER_DEFAULTS.pageSize,
        concurrency: options.concurrency ?? CLUSTER_DEFAULTS.concurrency,
        timeoutSeconds: options.timeoutSeconds ?? CLUSTER_DEFAULTS.timeoutSeconds,
      },
      logger,
    );
  }

  /** The same connection reading another namespace; unchanged when it reads all namespaces. */
  inNamespace(namespace: string): ClusterReader {
    if (this.connection.namespace === undefined) return this;
    return new ClusterReader({ ...this.connection, namespace }, this.options, this.logger);
  }

  /** "context kind-prod (https://127.0.0.1:6443), namespace shop": for messages and reports. */
  describe(): string {
    const scope = this.connection.namespace === undefined ? "all namespaces" : `namespace ${this.connection.namespace}`;
    return `context ${this.connection.context} (${this.connection.server}), ${scope}`;
  }

  /** Short name for evidence and messages: "cluster context kind-prod". */
  get label(): string {
    return `cluster context ${this.connection.context}`;
  }

  /**
   * Lists every kind, `concurrency` requests at a time, each kind page by page. A custom resource whose
   * CRD is not installed comes back `absent` when `optional` says it may be; otherwise that is an error.
   */
  async listAll(types: readonly ResourceType[], optional: (type: ResourceType) => boolean = () => false): Promise<ListResult[]> {
    const results: ListResult[] = new Array<ListResult>(types.length);
    let next = 0;
    const worker = async () => {
      while (next < types.length) {
        const index = next++;
        const type = types[index] as ResourceType;
        const objects = await this.list(type, optional(type));
        results[index] = objects === undefined ? { type, absent: true } : { type, objects };
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, types.length) }, worker));
    return results;
  }

  private async list(type: ResourceType, optional: boolean): Promise<Record<string, unknown>[] | undefined> {
    const prefix = type.group === "" ? `/api/${type.version}` : `/apis/${type.group}/${type.version}`;
    const scope = this.connection.namespace === undefined ? "" : `/namespaces/${encodeURIComponent(this.connection.namespace)}`;
    const path = `${prefix}${scope}/${type.plural}`;
    const objects: Record<string, unknown>[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const query = new URLSearchParams({ limit: String(this.options.pageSize) });
      if (type.labelSelector) query.set("labelSelector", type.labelSelector);
      if (token) query.set("continue", token);
      const response = await this.get(`${path}?${query.toString()}`, type);
      if (response.status === 404 && type.crd && pages === 0) {
        if (optional) {
          this.logger.info(`${type.kind} (${apiVersionOf(type)}) is not served: the CustomResourceDefinition ${type.crd} is not installed; none read`);
          return undefined;
        }
        throw new CollectorError(
          `cluster: the CustomResourceDefinition ${type.crd} (${apiVersionOf(type)} ${type.kind}) is not installed on ${this.connection.server} (context ${this.connection.context}), but the configuration needs it; install it or remove ${type.kind} from the configuration`,
        );
      }
      if (response.status !== 200) throw this.failure(response, type);
      const body = response.body;
      const items = isRecord(body) && Array.isArray(body.items) ? body.items : undefined;
      if (!items) throw new CollectorError(`cluster: GET ${path} on ${this.connection.server} did not return a list of ${type.kind}`);
      for (const item of items) {
        if (!isRecord(item)) continue;
        const metadata = isRecord(item.metadata) ? item.metadata : undefined;
        if (metadata) delete metadata.managedFields;
        objects.push({ apiVersion: apiVersionOf(type), kind: type.kind, ...item });
      }
      const metadata = isRecord(body) && isRecord(body.metadata) ? body.metadata : {};
      token = typeof metadata.continue === "string" && metadata.continue !== "" ? metadata.continue : undefined;
      pages++;
      if (token) this.logger.info(`read ${objects.length} ${type.plural} so far (page ${pages})`);
    } while (token);
    this.logger.info(`read ${objects.length} ${rbacResource(type)} from ${this.describe()}`);
    return objects;
  }

  /** Why a list failed, in words a user can act on; for 403, the verb and resource RBAC must grant. */
  private failure(response: { status: number; body: unknown }, type: ResourceType): CollectorError {
    const { server, context, user, namespace } = this.connection;
    const message = isRecord(response.body) && typeof response.body.message === "string" ? response.body.message : JSON.stringify(response.body)?.slice(0, 300);
    const where = namespace === undefined ? "at cluster scope (all namespaces)" : `in namespace ${namespace}`;
    switch (response.status) {
      case 401:
        return new CollectorError(
          `cluster: the API server ${server} rejected the credentials of user ${user} (context ${context}) with 401 Unauthorized: the token or client certificate is expired, revoked or invalid; renew the credentials in the kubeconfig`,
        );
      case 403:
        return new CollectorError(
          `cluster: RBAC does not allow user ${user} (context ${context}) to list ${rbacResource(type)} ${where}: grant verb "list" on resource "${type.plural}" in API group "${type.group}" (the ${namespace === undefined ? "ClusterRole" : "Role"} in charts/resilience-gates-rbac does). The API server said: ${message}`,
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

  private get(path: string, type: ResourceType): Promise<{ status: number; body: unknown }> {
    const { server, context } = this.connection;
    const url = new URL(`${server}${path}`);
    const timeoutMs = this.options.timeoutSeconds * 1000;
    return new Promise((resolve, reject) => {
      const send = this.connection.secure ? httpsRequest : httpRequest;
      const request = send(
        url,
        { ...this.connection.base, method: "GET", headers: { ...this.connection.base.headers, Accept: "application/json" }, timeout: timeoutMs },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", (error) => reject(new CollectorError(`cluster: reading ${url.pathname} from ${server} failed: ${error.message}`)));
          response.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            let body: unknown = text;
            try {
              body = JSON.parse(text);
            } catch {
              // not JSON: kept as text for the message
            }
            resolve({ status: response.statusCode ?? 0, body });
          });
        },
      );
      request.on("timeout", () => {
        request.destroy(
          new CollectorError(
            `cluster: the API server ${server} (context ${context}) did not answer GET ${url.pathname} (${rbacResource(type)}) within ${this.options.timeoutSeconds}s (timeoutSeconds)`,
          ),
        );
      });
      request.on("error", (error: NodeJS.ErrnoException) => {
        if (error instanceof CollectorError) reject(error);
        else reject(new CollectorError(`cluster: cannot reach the Kubernetes API server ${server} (context ${context}): ${error.code ? `${error.code} ` : ""}${error.message}`));
      });
      request.end();
    });
  }
}

/** "Deployment shop/api": how messages and the repository index name a live object. */
export function objectKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind} ${namespace ? `${namespace}/` : ""}${name}`;
}

/**
 * Turns a live object into a ManifestObject. Where the repository's manifests (already read by the gate)
 * hold the same kind and name, in the same namespace or with none written, its file and line are where
 * findings point; otherwise the finding names only the object.
 */
export function liveManifest(object: Record<string, unknown>, repository: ReadonlyMap<string, ManifestObject>): ManifestObject {
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  const kind = String(object.kind);
  const name = String(metadata.name);
  const namespace = typeof metadata.namespace === "string" ? metadata.namespace : undefined;
  const source = repository.get(objectKey(kind, namespace, name)) ?? repository.get(objectKey(kind, undefined, name));
  return {
    object,
    apiVersion: String(object.apiVersion),
    ref: namespace ? { kind, name, namespace } : { kind, name },
    locate: (path) => source?.locate(path),
  };
}

/** Index of the repository's objects for `liveManifest`, by kind, namespace (when written) and name. */
export function repositoryIndex(objects: readonly ManifestObject[]): Map<string, ManifestObject> {
  return new Map(objects.map((manifest) => [objectKey(manifest.ref.kind, manifest.ref.namespace, manifest.ref.name), manifest]));
}

/** Builds `cluster` options from the shared one-off flags; undefined without `--cluster`. */
export function clusterFromFlags(flags: Record<string, unknown>): ClusterOptions | undefined {
  if (flags.cluster !== true) return undefined;
  return {
    ...(typeof flags.context === "string" ? { context: flags.context } : {}),
    ...(typeof flags.namespace === "string" ? { namespace: flags.namespace } : {}),
    ...(flags["all-namespaces"] === true ? { allNamespaces: true } : {}),
  };
}
