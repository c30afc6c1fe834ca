import { ConfigurationError, describeThrown, formatLocation } from "../../engine/errors.js";
import type { SourceLocation } from "../../engine/types.js";
import { parseGoDuration } from "../../sources/duration.js";
import { displayPath, expandGlobs, type Workspace } from "../../sources/files.js";
import { getPath, isRecord, locateInDocument, type ManifestObject } from "../../sources/kubernetes.js";
import { readYamlFile, type PathSegment } from "../../sources/yaml.js";

/** One HTTP route rule, whatever wrote it, as the policies judge it. */
export interface RouteFact {
  kind: "HTTPRoute" | "VirtualService" | "Envoy";
  name: string;
  file: string;
  /** Which rule of the object, in words ("rules[1]", "virtual host api route 2"). */
  rule: string;
  /** Kubernetes Service names or Envoy clusters it sends to. */
  backends: string[];
  /** Methods it matches; empty when it matches any method. */
  methods: string[];
  /** The request header names its matches require to be present. */
  required_headers: string[];
  timeout_seconds: number | null;
  /** A zero timeout: the proxy waits forever. */
  timeout_disabled: boolean;
  retry: { attempts: number | null; per_try_timeout_seconds: number | null } | null;
  at: { rule?: SourceLocation; timeout?: SourceLocation; retry?: SourceLocation };
}

export interface ClusterFact {
  name: string;
  file: string;
  address: string | null;
  outlier_detection: boolean;
  at?: SourceLocation;
}

/** `1s`, `500ms`, `1.5s` (Envoy, Istio, Gateway API all write Go-style durations with a unit). */
function seconds(value: unknown): number | null {
  if (typeof value !== "string") return null;
  return parseGoDuration(value) ?? null;
}

function upper(values: unknown[]): string[] {
  return values.filter((value): value is string => typeof value === "string").map((value) => value.toUpperCase());
}

/** Gateway API HTTPRoute rules: `timeouts.request` / `backendRequest`, `retry.attempts` (GEP-1731). */
function httpRoutes(manifest: ManifestObject): RouteFact[] {
  const rules = getPath(manifest.object, ["spec", "rules"]);
  if (!Array.isArray(rules)) return [];
  const file = manifest.locate([])?.file ?? "(cluster)";
  return rules.map((rule, index): RouteFact => {
    const at = (path: PathSegment[]) => manifest.locate(["spec", "rules", index, ...path]);
    const matches = isRecord(rule) && Array.isArray(rule.matches) ? rule.matches.filter(isRecord) : [];
    const methods = matches.some((match) => match.method === undefined) ? [] : upper(matches.map((match) => match.method));
    const headers = matches.flatMap((match) => (Array.isArray(match.headers) ? match.headers.filter(isRecord).map((header) => String(header.name ?? "").toLowerCase()) : []));
    const backends = isRecord(rule) && Array.isArray(rule.backendRefs) ? rule.backendRefs.filter(isRecord).filter((ref) => (ref.kind ?? "Service") === "Service").map((ref) => String(ref.name)) : [];
    const timeout = getPath(rule, ["timeouts", "request"]);
    const retry = getPath(rule, ["retry"]);
    const attempts = getPath(retry, ["attempts"]);
    return {
      kind: "HTTPRoute",
      name: manifest.ref.name,
      file,
      rule: `rules[${index}]`,
      backends,
      methods,
      required_headers: headers,
      timeout_seconds: seconds(timeout),
      timeout_disabled: seconds(timeout) === 0,
      retry: isRecord(retry) ? { attempts: typeof attempts === "number" ? attempts : null, per_try_timeout_seconds: seconds(getPath(rule, ["timeouts", "backendRequest"])) } : null,
      at: { rule: at([]), timeout: at(["timeouts", "request"]), retry: at(["retry"]) },
    };
  });
}

/** Istio VirtualService http routes: `timeout`, `retries.attempts`, `retries.perTryTimeout`. */
function virtualServices(manifest: ManifestObject): RouteFact[] {
  const http = getPath(manifest.object, ["spec", "http"]);
  if (!Array.isArray(http)) return [];
  const file = manifest.locate([])?.file ?? "(cluster)";
  return http.map((route, index): RouteFact => {
    const at = (path: PathSegment[]) => manifest.locate(["spec", "http", index, ...path]);
    const matches = isRecord(route) && Array.isArray(route.match) ? route.match.filter(isRecord) : [];
    const methods = matches.length === 0 || matches.some((match) => !isRecord(match.method)) ? [] : upper(matches.map((match) => getPath(match, ["method", "exact"])));
    const headers = matches.flatMap((match) => (isRecord(match.headers) ? Object.keys(match.headers).map((name) => name.toLowerCase()) : []));
    const backends = isRecord(route) && Array.isArray(route.route) ? route.route.map((destination) => String(getPath(destination, ["destination", "host"]) ?? "").split(".")[0] as string) : [];
    const retries = getPath(route, ["retries"]);
    const attempts = getPath(retries, ["attempts"]);
    return {
      kind: "VirtualService",
      name: manifest.ref.name,
      file,
      rule: `http[${index}]`,
      backends,
      methods,
      required_headers: headers,
      timeout_seconds: seconds(getPath(route, ["timeout"])),
      timeout_disabled: seconds(getPath(route, ["timeout"])) === 0,
      retry: isRecord(retries) && attempts !== 0 ? { attempts: typeof attempts === "number" ? attempts : null, per_try_timeout_seconds: seconds(retries.perTryTimeout) } : null,
      at: { rule: at([]), timeout: at(["timeout"]), retry: at(["retries"]) },
    };
  });
}

/** Route rules of Kubernetes objects: HTTPRoute (gateway.networking.k8s.io) and VirtualService (networking.istio.io). */
export function kubernetesRoutes(objects: readonly ManifestObject[]): RouteFact[] {
  const routes: RouteFact[] = [];
  for (const manifest of objects) {
    const group = manifest.apiVersion.split("/")[0];
    if (manifest.ref.kind === "HTTPRoute" && group === "gateway.networking.k8s.io") routes.push(...httpRoutes(manifest));
    if (manifest.ref.kind === "VirtualService" && group === "networking.istio.io") routes.push(...virtualServices(manifest));
  }
  return routes;
}

function envoyMethods(match: unknown): { methods: string[]; headers: string[] } {
  const headers = isRecord(match) && Array.isArray(match.headers) ? match.headers.filter(isRecord) : [];
  const methods: string[] = [];
  const required: string[] = [];
  for (const header of headers) {
    const name = String(header.name ?? "").toLowerCase();
    if (name === ":method") {
      const exact = header.exact_match ?? getPath(header, ["string_match", "exact"]);
      if (typeof exact === "string") methods.push(exact.toUpperCase());
    } else if (header.invert_match !== true && header.treat_missing_header_as_empty !== true) required.push(name);
  }
  return { methods, headers: required };
}

/**
 * Envoy configuration files: a bootstrap (static_resources listeners with an HTTP connection manager's
 * route_config, and clusters) or a bare RouteConfiguration (`virtual_hosts`). Every route with a `route`
 * action is a rule; `timeout` unset means Envoy's default 15s, "0s" none at all.
 */
export function envoyRoutes(workspace: Workspace, globs: readonly string[], errors: string[]): { routes: RouteFact[]; clusters: ClusterFact[]; files: number } {
  const routes: RouteFact[] = [];
  const clusters: ClusterFact[] = [];
  const files = expandGlobs(workspace, globs, { what: "Envoy configuration" });
  for (const absolute of files) {
    const shown = displayPath(workspace, absolute);
    try {
      for (const document of readYamlFile(workspace, absolute, shown)) {
        const value = document.value;
        if (!isRecord(value)) continue;
        const at = (path: PathSegment[]) => locateInDocument(document, path);
        const configs: { config: unknown; path: PathSegment[] }[] = [];
        if (Array.isArray(value.virtual_hosts)) configs.push({ config: value, path: [] });
        const listeners = getPath(value, ["static_resources", "listeners"]);
        (Array.isArray(listeners) ? listeners : []).forEach((listener, l) => {
          const chains = getPath(listener, ["filter_chains"]);
          (Array.isArray(chains) ? chains : []).forEach((chain, c) => {
            const filters = getPath(chain, ["filters"]);
            (Array.isArray(filters) ? filters : []).forEach((filter, f) => {
              const path: PathSegment[] = ["static_resources", "listeners", l, "filter_chains", c, "filters", f, "typed_config", "route_config"];
              const config = getPath(value, path);
              if (isRecord(config)) configs.push({ config, path });
            });
          });
        });
        for (const { config, path } of configs) {
          const hosts = getPath(config, ["virtual_hosts"]);
          (Array.isArray(hosts) ? hosts : []).forEach((host, h) => {
            const hostName = String(getPath(host, ["name"]) ?? `virtual host ${h}`);
            const hostRetry = getPath(host, ["retry_policy"]);
            const list = getPath(host, ["routes"]);
            (Array.isArray(list) ? list : []).forEach((route, r) => {
              const action = getPath(route, ["route"]);
              if (!isRecord(action)) return; // redirect, direct_response
              const base: PathSegment[] = [...path, "virtual_hosts", h, "routes", r];
              const { methods, headers } = envoyMethods(getPath(route, ["match"]));
              const retry = isRecord(action.retry_policy) ? action.retry_policy : isRecord(hostRetry) ? hostRetry : undefined;
              const timeout = seconds(action.timeout);
              routes.push({
                kind: "Envoy",
                name: String(getPath(route, ["name"]) ?? hostName),
                file: shown,
                rule: `virtual host ${hostName} route ${r}`,
                backends: typeof action.cluster === "string" ? [action.cluster] : [],
                methods,
                required_headers: headers,
                timeout_seconds: action.timeout === undefined ? null : timeout,
                timeout_disabled: timeout === 0,
                // Envoy's num_retries defaults to 1 once a retry policy is set.
                retry: retry ? { attempts: typeof retry.num_retries === "number" ? retry.num_retries : 1, per_try_timeout_seconds: seconds(retry.per_try_timeout) } : null,
                at: {
                  rule: at(base),
                  timeout: at([...base, "route", "timeout"]),
                  retry: isRecord(action.retry_policy) ? at([...base, "route", "retry_policy"]) : at([...path, "virtual_hosts", h, "retry_policy"]),
                },
              });
            });
          });
        }
        const list = getPath(value, ["static_resources", "clusters"]);
        (Array.isArray(list) ? list : []).forEach((cluster, index) => {
          if (!isRecord(cluster)) return;
          const endpoint = getPath(cluster, ["load_assignment", "endpoints", 0, "lb_endpoints", 0, "endpoint", "address", "socket_address", "address"]);
          clusters.push({
            name: String(cluster.name ?? `cluster ${index}`),
            file: shown,
            address: typeof endpoint === "string" ? endpoint : null,
            outlier_detection: isRecord(cluster.outlier_detection),
            at: at(["static_resources", "clusters", index, "name"]),
          });
        });
      }
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      errors.push(describeThrown(error));
    }
  }
  return { routes, clusters, files: files.length };
}

/** A route's backend that names nothing: an error naming the route's file and line. */
export function missingBackend(route: RouteFact, backend: string, what: string): string {
  const where = route.at.rule ? `${formatLocation(route.at.rule)}: ` : "";
  return `${where}${route.kind} ${route.name} ${route.rule} sends to ${backend}, which is ${what}`;
}
