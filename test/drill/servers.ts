import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { accessSync, chownSync, constants, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import pg from "pg";
import { vi } from "vitest";
import { freePort } from "../../src/sources/ports.js";
export { freePort };

/**
 * Throwaway PostgreSQL and Redis servers for the drill tests: own directories, free ports, never a system
 * server. PostgreSQL refuses to run as root, so as root its programs run as the `postgres` user.
 * `requirement()` says what is missing; under CI=true a missing tool fails the test instead of skipping.
 */


export function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const directory of (process.env.PATH ?? "").split(":")) if (directory && executable(join(directory, name))) return join(directory, name);
  return undefined;
}

export function postgresBin(): string | undefined {
  if (process.env.PG_BIN && executable(join(process.env.PG_BIN, "initdb"))) return process.env.PG_BIN;
  try {
    const versions = readdirSync("/usr/lib/postgresql").filter((entry) => /^\d+$/.test(entry)).sort((a, b) => Number(b) - Number(a));
    for (const version of versions) if (executable(join("/usr/lib/postgresql", version, "bin", "initdb"))) return join("/usr/lib/postgresql", version, "bin");
  } catch {
    // not a Debian layout
  }
  const initdb = onPath("initdb");
  return initdb ? join(initdb, "..") : undefined;
}

const isRoot = process.getuid?.() === 0;

/** What keeps the PostgreSQL tests from running, or undefined when they can. */
export function postgresMissing(): string | undefined {
  if (!postgresBin()) return "PostgreSQL server programs (initdb, pg_ctl) not found: apt-get install postgresql (or set PG_BIN)";
  if (!onPath("pg_dump") || !onPath("pg_restore")) return "pg_dump / pg_restore not on PATH: apt-get install postgresql-client";
  if (isRoot && spawnSync("id", ["-u", "postgres"]).status !== 0) return "running as root needs a postgres user to run PostgreSQL";
  return undefined;
}

export function redisMissing(): string | undefined {
  return onPath("redis-server") ? undefined : "redis-server not on PATH: apt-get install redis-server";
}


const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function asPostgres(command: string, args: string[]): { status: number | null; output: string } {
  const run = isRoot ? spawnSync("runuser", ["-u", "postgres", "--", command, ...args], { encoding: "utf8" }) : spawnSync(command, args, { encoding: "utf8" });
  return { status: run.status, output: `${run.stdout ?? ""}${run.stderr ?? ""}` };
}

export interface TestPostgres {
  port: number;
  url(database?: string): string;
  query(sql: string, database?: string): Promise<pg.QueryResult>;
  stop(): Promise<void>;
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBin();
  if (!bin) throw new Error(postgresMissing());
  const dir = mkdtempSync(join(tmpdir(), "rg-drill-pg-"));
  if (isRoot) {
    const ids = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim();
    const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim();
    chownSync(dir, Number(ids), Number(gid));
  }
  const data = join(dir, "data");
  const init = asPostgres(join(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-instructions", "--no-sync"]);
  if (init.status !== 0) throw new Error(`initdb failed: ${init.output}`);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=40`;
  const start = asPostgres(join(bin, "pg_ctl"), ["-D", data, "-l", join(dir, "log"), "-o", options, "-w", "-t", "60", "start"]);
  if (start.status !== 0) throw new Error(`pg_ctl start failed: ${start.output}`);
  const url = (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    async query(sql, database) {
      const client = new pg.Client({ connectionString: url(database) });
      await client.connect();
      try {
        return await client.query(sql);
      } finally {
        await client.end();
      }
    },
    async stop() {
      asPostgres(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestRedis {
  port: number;
  dir: string;
  url(db?: number): string;
  client(db?: number): Redis;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), "rg-drill-redis-"));
  const port = await freePort();
  const child: ChildProcess = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--dbfilename", "source.rdb", "--save", "", "--appendonly", "no", "--logfile", join(dir, "log")],
    { stdio: "ignore" },
  );
  const clients: Redis[] = [];
  const url = (db = 0) => `redis://127.0.0.1:${port}/${db}`;
  for (let attempt = 0; ; attempt++) {
    const probe = new Redis(url(), { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    probe.on("error", () => undefined);
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      break;
    } catch {
      probe.disconnect();
      if (attempt > 200) throw new Error("redis-server did not start");
      await sleep(25);
    }
  }
  return {
    port,
    dir,
    url,
    client(db = 0) {
      const client = new Redis(url(db));
      client.on("error", () => undefined);
      clients.push(client);
      return client;
    },
    async stop() {
      for (const client of clients) client.disconnect();
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `run` with what the CLI writes in this process captured: stdout collected, stderr silenced. */
export async function withCapturedOutput(run: (stdout: () => string) => Promise<void>): Promise<void> {
  const out: string[] = [];
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    await run(() => out.join(""));
  } finally {
    write.mockRestore();
    err.mockRestore();
  }
}
