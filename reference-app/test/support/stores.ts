/**
 * Real PostgreSQL and Redis for the tests, each on a free port in a directory of its own under
 * .work/test/, torn down afterwards. PostgreSQL refuses to run as root, so as root its binaries run as the
 * unprivileged `postgres` user. A missing binary makes the suite fail under CI=true and skip elsewhere.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const appRoot = path.join(repoRoot, "reference-app");
export const CI = process.env.CI === "true" || process.env.CI === "1";
const isRoot = process.getuid?.() === 0;

export function findPgBin(): string | undefined {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && existsSync(path.join(fromEnv, "pg_ctl"))) return fromEnv;
  const base = "/usr/lib/postgresql";
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => existsSync(path.join(base, v, "bin", "pg_ctl")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(base, versions[0], "bin");
  }
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, "pg_ctl")) && existsSync(path.join(dir, "initdb"))) return dir;
  }
  return undefined;
}

export function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/** What is missing to run the store-backed tests, each with the command that installs it. */
export function missingTools(): string[] {
  const missing: string[] = [];
  if (!findPgBin()) missing.push("PostgreSQL server binaries (pg_ctl, initdb): bash scripts/bootstrap.sh postgres");
  if (!findOnPath("redis-server")) missing.push("redis-server: bash scripts/bootstrap.sh redis");
  if (!existsSync(path.join(appRoot, "node_modules", "fastify"))) missing.push("the reference app's dependencies: npm ci --prefix reference-app");
  if (isRoot && !hasUser("postgres")) {
    missing.push("a 'postgres' user to run PostgreSQL as (it refuses root): bash scripts/bootstrap.sh postgres");
  }
  return missing;
}

function hasUser(name: string): boolean {
  try {
    return new RegExp(`^${name}:`, "m").test(readFileSync("/etc/passwd", "utf8"));
  } catch {
    return false;
  }
}

/**
 * Store-backed suites call this at load time: `describe.skipIf(toolsMissing)(...)` skips outside CI and
 * `assertTools()` in beforeAll fails the suite under CI=true, so a missing tool never passes silently there.
 */
export const toolsMissing = missingTools();
export const skipStores = toolsMissing.length > 0 && !CI;

export function assertTools(): void {
  if (toolsMissing.length > 0) {
    throw new Error(`missing tools for the reference-app tests:\n  ${toolsMissing.join("\n  ")}`);
  }
}

export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port as number;
}

/**
 * `count` different free ports on 127.0.0.1, held open together until all are found: asked one after
 * another, the kernel may hand out the same port twice.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    const ports: number[] = [];
    for (let i = 0; i < count; i++) {
      const server = createServer();
      server.unref();
      servers.push(server);
      ports.push(
        await new Promise<number>((resolve, reject) => {
          server.once("error", reject);
          server.listen(0, "127.0.0.1", () => {
            const address = server.address();
            resolve(typeof address === "object" && address ? address.port : 0);
          });
        }),
      );
    }
    return ports;
  } finally {
    await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  }
}

/** A scratch directory under .work/test, removed by the caller. */
export function scratchDir(label: string): string {
  const dir = path.join(repoRoot, ".work", "test", `${label}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function asPostgres(command: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return isRoot ? run("runuser", ["-u", "postgres", "--", command, ...args]) : run(command, args);
}

export class TestPostgres {
  readonly bin: string;
  readonly dataDir: string;

  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {
    this.bin = findPgBin()!;
    this.dataDir = path.join(dir, "data");
  }

  /** initdb (fsync off: test data only) and start on a free port. */
  static async create(dir: string): Promise<TestPostgres> {
    const pgDir = path.join(dir, "postgres");
    mkdirSync(pgDir, { recursive: true });
    if (isRoot) {
      const { stdout } = await run("id", ["-u", "postgres"]);
      const { stdout: gid } = await run("id", ["-g", "postgres"]);
      chownSync(pgDir, Number(stdout.trim()), Number(gid.trim()));
    }
    const instance = new TestPostgres(pgDir, await freePort());
    await asPostgres(path.join(instance.bin, "initdb"), [
      "-D",
      instance.dataDir,
      "-U",
      "postgres",
      "-A",
      "trust",
      "-E",
      "UTF8",
      "--locale=C",
      "--no-sync",
      "--no-instructions",
    ]);
    await instance.start();
    return instance;
  }

  url(database = "postgres"): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    await asPostgres(path.join(this.bin, "pg_ctl"), [
      "-D",
      this.dataDir,
      "-l",
      path.join(this.dir, "postgres.log"),
      "-w",
      "-t",
      "60",
      "-o",
      `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
      "start",
    ]);
  }

  async stop(): Promise<void> {
    await asPostgres(path.join(this.bin, "pg_ctl"), ["-D", this.dataDir, "-m", "fast", "-w", "-t", "60", "stop"]);
  }

  async createDatabase(name: string): Promise<string> {
    const client = new pg.Client({ connectionString: this.url() });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
    return this.url(name);
  }

  async destroy(): Promise<void> {
    await this.stop().catch(() => {});
  }
}

export class TestRedis {
  private child: ChildProcess | undefined;

  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  static async create(dir: string): Promise<TestRedis> {
    const redisDir = path.join(dir, "redis");
    mkdirSync(redisDir, { recursive: true });
    const instance = new TestRedis(redisDir, await freePort());
    await instance.start();
    return instance;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}/0`;
  }

  async start(): Promise<void> {
    const child = spawn(
      findOnPath("redis-server")!,
      ["--port", String(this.port), "--bind", "127.0.0.1", "--dir", this.dir, "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning", "--repl-diskless-sync-delay", "0"],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    this.child = child;
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}: ${stderr}`);
      if (await canConnect(this.port)) return;
      await sleep(50);
    }
    throw new Error(`redis-server did not listen on ${this.port}: ${stderr}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }

  async destroy(): Promise<void> {
    await this.stop();
  }
}

export async function canConnect(port: number): Promise<boolean> {
  const { connect } = await import("node:net");
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
