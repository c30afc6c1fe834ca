/**
 * The services as real processes: the built JavaScript (the same bundle `scripts/stack.sh` and the
 * images run), started with node, stopped with signals. Each test file builds into its own directory
 * under reference-app/dist/ so parallel files never overwrite each other's bundle.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { runMigrations } from "../../src/migrate.js";
import { appRoot, freePort, removeDir, scratchDir, sleep, TestPostgres, TestRedis } from "./stores.js";

const run = promisify(execFile);

export const ADMIN_TOKEN = "test-admin-token-0123456789";

export async function buildApp(): Promise<string> {
  const outdir = path.join(appRoot, "dist", `test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  await run(process.execPath, [path.join(appRoot, "build.mjs"), "--outdir", outdir], { cwd: appRoot });
  return outdir;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class ServiceProcess {
  readonly logs: string[] = [];
  readonly exited: Promise<Exit>;

  constructor(
    readonly name: "api" | "payments",
    readonly port: number,
    readonly child: ChildProcess,
  ) {
    // A chunk of a pipe may end inside a line: keep the rest of each stream until its newline.
    const collector = () => {
      let partial = "";
      return (chunk: Buffer): void => {
        const lines = (partial + chunk.toString()).split("\n");
        partial = lines.pop() ?? "";
        for (const line of lines) if (line) this.logs.push(line);
      };
    };
    child.stdout?.on("data", collector());
    child.stderr?.on("data", collector());
    // "close", not "exit": by then the pipes are drained, so `logs` holds every line.
    this.exited = new Promise((resolve) => child.once("close", (code, signal) => resolve({ code, signal })));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async waitReady(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = "";
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`${this.name} exited before it was ready:\n${this.logs.slice(-20).join("\n")}`);
      try {
        const response = await fetch(`${this.url}/readyz`, { signal: AbortSignal.timeout(2_000) });
        last = `${response.status} ${await response.text()}`;
        if (response.status === 200) return;
      } catch (error) {
        last = String(error);
      }
      await sleep(100);
    }
    throw new Error(`${this.name} not ready after ${timeoutMs} ms (last /readyz: ${last})\n${this.logs.slice(-20).join("\n")}`);
  }

  /** Sends the signal and waits for the exit (SIGKILL after timeoutMs). */
  async stop(signal: NodeJS.Signals = "SIGTERM", timeoutMs = 15_000): Promise<Exit> {
    if (!this.running) return this.exited;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill("SIGKILL"), timeoutMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  async setFaults(change: { failMode?: string | null; slowMode?: string | null }): Promise<unknown> {
    const response = await fetch(`${this.url}/admin/faults`, {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify(change),
    });
    const body = await response.json();
    if (response.status !== 200) throw new Error(`setting faults on ${this.name}: ${response.status} ${JSON.stringify(body)}`);
    return body;
  }

  async metrics(): Promise<string> {
    return (await fetch(`${this.url}/metrics`)).text();
  }
}

export async function startService(
  outdir: string,
  name: "api" | "payments",
  env: Record<string, string>,
  options: { port?: number; waitReady?: boolean } = {},
): Promise<ServiceProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [path.join(outdir, `${name}.js`)], {
    cwd: appRoot,
    env: {
      PATH: process.env.PATH ?? "",
      HOST: "127.0.0.1",
      PORT: String(port),
      ADMIN_TOKEN,
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const service = new ServiceProcess(name, port, child);
  if (options.waitReady !== false) await service.waitReady();
  return service;
}

export interface Stack {
  dir: string;
  outdir: string;
  postgres: TestPostgres;
  redis: TestRedis;
  databaseUrl: string;
  payments: ServiceProcess;
  api: ServiceProcess;
  /** Environment the services were started with (for starting more replicas). */
  env: Record<string, string>;
  startApi: (env?: Record<string, string>) => Promise<ServiceProcess>;
  teardown: () => Promise<void>;
}

/** PostgreSQL + Redis + migrations + payments + api, all real, on free ports. */
export async function startStack(label: string, options: { apiEnv?: Record<string, string>; paymentsEnv?: Record<string, string> } = {}): Promise<Stack> {
  const dir = scratchDir(label);
  const extra: ServiceProcess[] = [];
  let postgres: TestPostgres | undefined;
  let redis: TestRedis | undefined;
  let outdir: string | undefined;
  let payments: ServiceProcess | undefined;
  let api: ServiceProcess | undefined;
  const teardown = async (): Promise<void> => {
    await Promise.all([api, payments, ...extra].map((service) => service?.stop("SIGTERM")));
    await Promise.all([postgres?.destroy(), redis?.destroy()]);
    if (outdir) removeDir(outdir);
    removeDir(dir);
  };
  try {
    [postgres, redis, outdir] = await Promise.all([TestPostgres.create(dir), TestRedis.create(dir), buildApp()]);
    const databaseUrl = await postgres.createDatabase("reference_app");
    await runMigrations({ databaseUrl, dir: path.join(appRoot, "migrations") });
    const env = { DATABASE_URL: databaseUrl, REDIS_URL: redis.url };
    payments = await startService(outdir, "payments", { ...env, OUTBOX_POLL_MS: "100", ...options.paymentsEnv });
    const apiEnv = { ...env, PAYMENTS_URL: payments.url, ...options.apiEnv };
    api = await startService(outdir, "api", apiEnv);
    const built = outdir;
    return {
      dir,
      outdir,
      postgres,
      redis,
      databaseUrl,
      payments,
      api,
      env: apiEnv,
      startApi: async (more = {}) => {
        const replica = await startService(built, "api", { ...apiEnv, ...more });
        extra.push(replica);
        return replica;
      },
      teardown,
    };
  } catch (error) {
    await teardown().catch(() => {});
    throw error;
  }
}

export interface Sent {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  ms: number;
}

export async function send(
  base: string,
  method: string,
  urlPath: string,
  options: { tenant?: string; key?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Sent> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.tenant) headers["x-tenant-id"] = options.tenant;
  if (options.key) headers["idempotency-key"] = options.key;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const started = performance.now();
  const response = await fetch(`${base}${urlPath}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  let body: Record<string, unknown>;
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = { text };
  }
  return { status: response.status, headers: response.headers, body, ms };
}

/** Sums the samples of a metric whose labels include every given label (Prometheus text format). */
export function metricValue(text: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const match = /^([^{\s]+)(?:\{([^}]*)\})?\s+(\S+)/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) total += Number(match[3]);
  }
  return total;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}
