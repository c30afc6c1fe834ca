// Test support: a local HTTP server standing in for the GitHub REST API, which records every request,
// and a validator of each request against GitHub's published OpenAPI description (@octokit/openapi).
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";
import ajvFormats from "ajv-formats";

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage["headers"];
  body: unknown;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (request: RecordedRequest) => Reply | Promise<Reply>;

export interface ApiServer {
  url: string;
  requests: RecordedRequest[];
  handler: Handler;
  close(): Promise<void>;
}

export async function startApiServer(handler: Handler): Promise<ApiServer> {
  const state: ApiServer = {
    url: "",
    requests: [],
    handler,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const text = Buffer.concat(chunks).toString("utf8");
      const recorded: RecordedRequest = {
        method: req.method ?? "GET",
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: text ? (JSON.parse(text) as unknown) : undefined,
      };
      state.requests.push(recorded);
      Promise.resolve(state.handler(recorded)).then(
        (reply) => {
          if (Buffer.isBuffer(reply.body)) {
            res.writeHead(reply.status, { "content-type": "application/octet-stream", ...reply.headers });
            res.end(reply.body);
            return;
          }
          res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
          res.end(reply.body === undefined ? "" : JSON.stringify(reply.body));
        },
        (error: unknown) => {
          res.writeHead(500, { "content-type": "application/json" });
          res.end(JSON.stringify({ message: String(error) }));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

type Json = Record<string, unknown>;

interface Operation {
  template: string;
  pattern: RegExp;
  method: string;
  parameters: Json[];
  schema?: unknown;
  body?: ValidateFunction;
}

let operations: Operation[] | undefined;
let ajv: Ajv | undefined;

/** The REST description GitHub publishes for api.github.com, as the npm package @octokit/openapi ships it. */
export function openApiDocument(): Json {
  const require = createRequire(import.meta.url);
  const file = require.resolve("@octokit/openapi/generated/api.github.com.json");
  return JSON.parse(readFileSync(file, "utf8")) as Json;
}

function pointer(document: Json, ref: string): unknown {
  return ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>((node, key) => (node as Json)[key.replace(/~1/g, "/").replace(/~0/g, "~")], document);
}

/** Inlines `$ref`s (GitHub's request bodies are small), and closes every object schema that lists its properties. */
function prepare(document: Json, schema: unknown, seen: string[] = []): unknown {
  if (Array.isArray(schema)) return schema.map((item) => prepare(document, item, seen));
  if (!schema || typeof schema !== "object") return schema;
  const node = schema as Json;
  if (typeof node.$ref === "string") {
    if (seen.includes(node.$ref)) return {};
    return prepare(document, pointer(document, node.$ref), [...seen, node.$ref]);
  }
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "example" || key === "examples" || key.startsWith("x-")) continue;
    out[key] = key === "properties" ? Object.fromEntries(Object.entries(value as Json).map(([name, sub]) => [name, prepare(document, sub, seen)])) : prepare(document, value, seen);
  }
  // OpenAPI 3.0 `nullable` as JSON Schema: the type list gains "null".
  if (out.nullable === true) {
    if (typeof out.type === "string") out.type = [out.type, "null"];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...(out.enum as unknown[]), null];
  }
  delete out.nullable;
  // A misspelt or invented field must fail: GitHub ignores unknown fields, so the schema alone would not.
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

function loadOperations(): Operation[] {
  if (operations) return operations;
  const document = openApiDocument();
  const paths = document.paths as Record<string, Record<string, Json>>;
  const list: Operation[] = [];
  for (const [template, item] of Object.entries(paths)) {
    const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`);
    for (const method of ["get", "post", "patch", "put", "delete"]) {
      const operation = item[method];
      if (!operation) continue;
      const parameters = [...((item.parameters as Json[] | undefined) ?? []), ...((operation.parameters as Json[] | undefined) ?? [])].map(
        (parameter) => (typeof parameter.$ref === "string" ? (pointer(document, parameter.$ref) as Json) : parameter),
      );
      const content = (operation.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
      const schema = content?.["application/json"]?.schema;
      list.push({ template, pattern, method: method.toUpperCase(), parameters, ...(schema ? { schema: prepare(document, schema) } : {}) });
    }
  }
  operations = list;
  return list;
}

/** What is wrong with a request by GitHub's description: unknown route, unknown query parameter, invalid body. */
export function problemsOf(request: Pick<RecordedRequest, "method" | "path" | "query" | "body">): string[] {
  const candidates = loadOperations().filter((operation) => operation.method === request.method && operation.pattern.test(request.path));
  // A literal path (…/issues/comments/{id}) wins over a templated one (…/issues/{number}/comments).
  const operation = candidates.sort((a, b) => (b.template.match(/\{/g)?.length ?? 0) - (a.template.match(/\{/g)?.length ?? 0)).pop();
  if (!operation) return [`${request.method} ${request.path}: no such operation in GitHub's REST description`];
  const problems: string[] = [];
  const known = new Set(operation.parameters.filter((parameter) => parameter.in === "query").map((parameter) => parameter.name as string));
  for (const name of Object.keys(request.query)) {
    if (!known.has(name)) problems.push(`${request.method} ${operation.template}: unknown query parameter ${name}`);
  }
  if (operation.schema !== undefined) {
    if (!ajv) {
      ajv = new Ajv({ strict: false, allErrors: true });
      ajvFormats.default(ajv);
    }
    operation.body ??= ajv.compile(operation.schema as object);
    if (!operation.body(request.body)) {
      problems.push(...(operation.body.errors ?? []).map((error) => `${request.method} ${operation.template}: body${error.instancePath} ${error.message ?? ""} ${JSON.stringify(error.params)}`));
    }
  } else if (request.body !== undefined) {
    problems.push(`${request.method} ${operation.template}: takes no body`);
  }
  return problems;
}

/**
 * The requests that completed a check run: a POST created completed, or the PATCH that completed a run
 * started `in_progress` (the action starts one per gate, then completes it with the verdict).
 */
export function completedCheckRuns(requests: readonly RecordedRequest[]): RecordedRequest[] {
  return requests.filter(
    (request) =>
      ((request.method === "POST" && /\/check-runs$/.test(request.path)) || (request.method === "PATCH" && /\/check-runs\/\d+$/.test(request.path))) &&
      (request.body as { status?: string } | undefined)?.status === "completed",
  );
}

/** The requests that created a check run in progress. */
export function startedCheckRuns(requests: readonly RecordedRequest[]): RecordedRequest[] {
  return requests.filter((request) => request.method === "POST" && /\/check-runs$/.test(request.path) && (request.body as { status?: string } | undefined)?.status === "in_progress");
}
