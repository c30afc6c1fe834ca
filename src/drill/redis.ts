import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { accessSync, constants, copyFileSync, createReadStream, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { ConfigurationError, describeThrown } from "../engine/errors.js";
import { connectTimeoutSeconds, withinConnectTimeout } from "../sources/connect-timeout.js";
import { redactSecrets, redactUrl } from "../sources/credentials.js";
import { childEnv, runProcess } from "../sources/tools.js";
import { findProgram } from "./binaries.js";
import type { DrillHooks } from "./postgres.js";
import type { Progress } from "./progress.js";
import { assembleProof, type IntegrityCheck, type RestoreProof } from "./proof.js";
import { freePort } from "../sources/ports.js";

export interface RedisDrillOptions {
  /** redis:// URL of the source. */
  source: string;
  /** Catalog store name; default `redis`. */
  store?: string;
  /** How many keys to compare by content (spread over the databases); default 1000. */
  sampleKeys?: number;
  /** The RDB file as this machine sees it; default: CONFIG GET dir + dbfilename of the source. */
  rdb?: string;
  /** redis-server program; default: found on PATH. */
  redisServer?: string;
  /** Longest wait for BGSAVE and for the scratch server to load, in ms; default 10 minutes. */
  timeoutMs?: number;
  progress: Progress;
  hooks?: DrillHooks;
  version?: string;
}

export const DIGEST_METHOD =
  "per database: key count and volatile-key count (INFO keyspace); per sampled key: SHA-256 of its type, whether it has a TTL, and its value " +
  "read type-aware (GET; HGETALL sorted by field; LRANGE; SMEMBERS sorted; ZRANGE WITHSCORES; XRANGE; DUMP for module types). " +
  "The source is read in the MULTI that ends with BGSAVE and again when the save has finished; a key that changed in between may match either.";

interface Keyspace {
  keys: number;
  expires: number;
}

type KeyspaceByDb = Map<number, Keyspace>;

interface Sampled {
  db: number;
  key: Buffer;
  type: string;
}

function parseInfo(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf(":");
    if (at > 0 && !line.startsWith("#")) fields.set(line.slice(0, at), line.slice(at + 1).trim());
  }
  return fields;
}

function parseKeyspace(text: string): KeyspaceByDb {
  const result: KeyspaceByDb = new Map();
  for (const [name, value] of parseInfo(text)) {
    const db = /^db(\d+)$/.exec(name);
    if (!db) continue;
    const keys = /keys=(\d+)/.exec(value);
    const expires = /expires=(\d+)/.exec(value);
    result.set(Number(db[1]), { keys: Number(keys?.[1] ?? 0), expires: Number(expires?.[1] ?? 0) });
  }
  return result;
}

/** The commands that read a key's value, by type; module types fall back to DUMP. */
function readCommand(type: string, key: Buffer): [string, ...(string | Buffer | number)[]] {
  switch (type) {
    case "string":
      return ["GET", key];
    case "hash":
      return ["HGETALL", key];
    case "list":
      return ["LRANGE", key, 0, -1];
    case "set":
      return ["SMEMBERS", key];
    case "zset":
      return ["ZRANGE", key, 0, -1, "WITHSCORES"];
    case "stream":
      return ["XRANGE", key, "-", "+"];
    default:
      return ["DUMP", key];
  }
}

function feed(hash: ReturnType<typeof createHash>, value: unknown): void {
  if (Buffer.isBuffer(value)) {
    hash.update(`b${value.length}:`).update(value);
  } else if (Array.isArray(value)) {
    hash.update(`a${value.length}:`);
    for (const item of value) feed(hash, item);
  } else if (value === null || value === undefined) {
    hash.update("z");
  } else {
    const text = String(value);
    hash.update(`s${Buffer.byteLength(text)}:${text}`);
  }
}

/** Order-insensitive types are sorted so that the digest depends on content only. */
function normalize(type: string, reply: unknown): unknown {
  if (!Array.isArray(reply)) return reply;
  if (type === "set") return [...(reply as Buffer[])].sort(Buffer.compare);
  if (type === "hash") {
    const pairs: [Buffer, unknown][] = [];
    for (let i = 0; i + 1 < reply.length; i += 2) pairs.push([reply[i] as Buffer, reply[i + 1]]);
    pairs.sort((a, b) => Buffer.compare(a[0], b[0]));
    return pairs.flat();
  }
  return reply;
}

function digest(type: string, volatile: boolean, reply: unknown): string {
  const hash = createHash("sha256");
  hash.update(`${type}\0${volatile ? "volatile" : "persistent"}\0`);
  feed(hash, normalize(type, reply));
  return hash.digest("hex");
}

interface KeyState {
  /** "missing" when the key does not exist (PTTL -2). */
  digest: string | "missing";
  volatile: boolean;
  error?: string;
}

function keyState(type: string, reply: [Error | null, unknown] | undefined, pttl: [Error | null, unknown] | undefined): KeyState {
  if (!reply || !pttl) return { digest: "missing", volatile: false, error: "no reply" };
  const ttl = Number(pttl[1]);
  if (ttl === -2) return { digest: "missing", volatile: false };
  if (reply[0]) return { digest: "missing", volatile: ttl >= 0, error: reply[0].message };
  return { digest: digest(type, ttl >= 0, reply[1]), volatile: ttl >= 0 };
}

/** Reads the sampled keys through one MULTI or pipeline per call; `extra` commands run first and last. */
async function readKeys(client: Redis, sample: readonly Sampled[], atomic: boolean, before: [string, ...string[]][], after: [string, ...string[]][], restoreDb: number) {
  const batch = atomic ? client.multi() : client.pipeline();
  for (const command of before) batch.call(...command);
  let currentDb = -1;
  for (const entry of sample) {
    if (entry.db !== currentDb) {
      batch.select(entry.db);
      currentDb = entry.db;
    }
    batch.callBuffer(...readCommand(entry.type, entry.key));
    batch.call("PTTL", entry.key);
  }
  batch.select(restoreDb);
  for (const command of after) batch.call(...command);
  const results = (await batch.exec()) ?? [];
  const head = results.slice(0, before.length);
  let index = before.length;
  currentDb = -1;
  const states: KeyState[] = [];
  for (const entry of sample) {
    if (entry.db !== currentDb) {
      index++;
      currentDb = entry.db;
    }
    states.push(keyState(entry.type, results[index] as [Error | null, unknown], results[index + 1] as [Error | null, unknown]));
    index += 2;
  }
  index++;
  const tail = results.slice(index);
  return { head, states, tail };
}

function reply(result: [Error | null, unknown] | undefined, what: string): unknown {
  if (!result) throw new Error(`no reply to ${what}`);
  if (result[0]) throw new Error(`${what}: ${result[0].message}`);
  return result[1];
}

async function connectRedis(url: string, what: string): Promise<Redis> {
  const limit = connectTimeoutSeconds();
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableReadyCheck: true, connectTimeout: limit * 1000 });
  client.on("error", () => undefined);
  // ioredis's connectTimeout ends at the TCP connect; a server that then never answers AUTH or the ready
  // check's INFO would hold connect() forever.
  try {
    await withinConnectTimeout(client.connect(), `the ${what} (${redactUrl(url)})`, () => client.disconnect(), limit);
  } catch (error) {
    client.disconnect();
    if (error instanceof ConfigurationError) throw error;
    throw new ConfigurationError(`cannot connect to the ${what} (${redactUrl(url)}): ${redactSecrets(describeThrown(error))}`);
  }
  return client;
}


const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

function tail(file: string, lines = 5): string {
  try {
    return readFileSync(file, "utf8").trim().split("\n").slice(-lines).join(" | ");
  } catch {
    return "(no log)";
  }
}

/**
 * A Redis restore drill: a fresh RDB (BGSAVE, waited for), copied, loaded into a scratch redis-server on
 * a free port, then key counts per database and digests of sampled keys compared with the source.
 * Returns the unsigned proof; throws a ConfigurationError when the drill cannot start.
 */
export async function drillRedis(options: RedisDrillOptions): Promise<RestoreProof> {
  const { progress, hooks } = options;
  const startedAt = new Date();
  const timeoutMs = options.timeoutMs ?? 600_000;
  const redisServer = options.redisServer ?? findProgram("redis-server");
  const store = options.store ?? "redis";
  const tools: Record<string, string> = { "redis-server": (await runProcess(redisServer, ["--version"], { timeoutMs: 30_000 })).stdout.trim(), "resilience-gates": options.version ?? "unknown" };
  const work = mkdtempSync(join(tmpdir(), "resilience-gates-drill-redis-"));
  const rdbCopy = join(work, "dump.rdb");
  const failures: string[] = [];
  const checks: IntegrityCheck[] = [];
  let server: ChildProcess | undefined;
  let scratch: Redis | undefined;
  progress.phase("snapshot", `connecting to ${redactUrl(options.source)}`);
  const source = await connectRedis(options.source, "source Redis");
  try {
    const sourceDb = Number((source.options as { db?: number }).db ?? 0);
    const serverInfo = parseInfo(await source.info("server"));
    tools.sourceServer = `Redis ${serverInfo.get("redis_version") ?? "?"}`;
    let dir: string;
    let dbfilename: string;
    let databases: number;
    try {
      dir = String(((await source.call("CONFIG", "GET", "dir")) as string[])[1]);
      dbfilename = String(((await source.call("CONFIG", "GET", "dbfilename")) as string[])[1]);
      databases = Number(((await source.call("CONFIG", "GET", "databases")) as string[])[1] ?? 16);
    } catch (error) {
      throw new ConfigurationError(`CONFIG GET is not allowed on the source (${describeThrown(error)}); pass --rdb with the RDB file's path`);
    }
    const rdbPath = options.rdb ?? join(dir, dbfilename);

    // 1. Sample keys in every database that has some.
    const keyspace = parseKeyspace(await source.info("keyspace"));
    const limit = options.sampleKeys ?? 1000;
    const perDb = Math.max(1, Math.ceil(limit / Math.max(1, keyspace.size)));
    const sample: Sampled[] = [];
    const sampler = await connectRedis(options.source, "source Redis");
    try {
      for (const db of [...keyspace.keys()].sort((a, b) => a - b)) {
        await sampler.select(db);
        const keys: Buffer[] = [];
        let cursor = "0";
        do {
          const [next, batch] = (await sampler.callBuffer("SCAN", cursor, "COUNT", 1000)) as [Buffer, Buffer[]];
          cursor = next.toString();
          keys.push(...batch.slice(0, perDb - keys.length));
        } while (cursor !== "0" && keys.length < perDb);
        const types = keys.length > 0 ? ((await keys.reduce((pipe, key) => pipe.type(key), sampler.pipeline()).exec()) ?? []) : [];
        keys.forEach((key, index) => {
          const type = types[index]?.[1];
          if (typeof type === "string" && type !== "none") sample.push({ db, key, type });
        });
      }
    } finally {
      sampler.disconnect();
    }
    progress.step(`${sample.length} keys sampled from ${keyspace.size} databases`);

    // 2. One MULTI: the keyspace, the sampled values, the save counters, TIME, and BGSAVE last.
    const lastSave = Number(await source.lastsave());
    const [serverSeconds = 0, serverMicros = 0] = ((await source.call("TIME")) as (string | number)[]).map(Number);
    if (serverSeconds <= lastSave) await sleep(1000 - Math.floor(serverMicros / 1000) + 10);
    progress.phase("backup", `BGSAVE of ${redactUrl(options.source)} (RDB ${rdbPath})`);
    const atomic = await readKeys(source, sample, true, [["INFO", "keyspace"], ["INFO", "persistence"]], [["TIME"], ["BGSAVE"]], sourceDb);
    const before = parseKeyspace(String(reply(atomic.head[0] as [Error | null, unknown], "INFO keyspace")));
    const persistence = parseInfo(String(reply(atomic.head[1] as [Error | null, unknown], "INFO persistence")));
    const [seconds, micros] = reply(atomic.tail[0] as [Error | null, unknown], "TIME") as [string, string];
    reply(atomic.tail[1] as [Error | null, unknown], "BGSAVE");
    const backupTime = new Date(Number(seconds) * 1000 + Math.floor(Number(micros) / 1000));
    const savesBefore = persistence.has("rdb_saves") ? Number(persistence.get("rdb_saves")) : undefined;
    const savingThen = persistence.get("rdb_bgsave_in_progress") === "1";

    // 3. Wait for our save: rdb_saves counts saves (Redis 7); older servers only have LASTSAVE.
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const now = parseInfo(await source.info("persistence"));
      const done =
        savesBefore !== undefined
          ? Number(now.get("rdb_saves")) >= savesBefore + (savingThen ? 2 : 1) && now.get("rdb_bgsave_in_progress") === "0"
          : Number(now.get("rdb_last_save_time")) > lastSave && now.get("rdb_bgsave_in_progress") === "0";
      if (done) {
        if (now.get("rdb_last_bgsave_status") !== "ok") throw new ConfigurationError(`BGSAVE failed on the source (rdb_last_bgsave_status:${now.get("rdb_last_bgsave_status") ?? "?"})`);
        break;
      }
      if (Date.now() > deadline) throw new ConfigurationError(`BGSAVE did not finish within ${timeoutMs} ms`);
      await sleep(50);
    }
    const savesAfter = parseInfo(await source.info("persistence")).get("rdb_saves");
    try {
      accessSync(rdbPath, constants.R_OK);
    } catch {
      throw new ConfigurationError(
        `the RDB file ${rdbPath} (CONFIG GET dir and dbfilename) is not readable here: run the drill where the file is, or pass --rdb with a path to it`,
      );
    }
    copyFileSync(rdbPath, rdbCopy);
    if (savesAfter !== undefined && parseInfo(await source.info("persistence")).get("rdb_saves") !== savesAfter) {
      throw new ConfigurationError("another save replaced the RDB file while it was copied; run the drill again");
    }
    const size = statSync(rdbCopy).size;
    progress.step(`RDB copied: ${size} bytes`);
    // The source once more, after the save: a key that changed in between may match either reading.
    const settled = await readKeys(source, sample, false, [["INFO", "keyspace"]], [], sourceDb);
    const after = parseKeyspace(String(reply(settled.head[0] as [Error | null, unknown], "INFO keyspace")));
    await hooks?.afterBackup?.(rdbCopy);
    const sha256 = await sha256File(rdbCopy);

    // 4. Restore: a scratch redis-server on a free port, loading the copy.
    const restoreStartedAt = new Date();
    let verifiedAt: Date | null = null;
    const port = await freePort();
    const scratchUrl = `redis://127.0.0.1:${port}`;
    try {
      progress.phase("restore", `redis-server on port ${port} loading the RDB copy`);
      const log = join(work, "redis.log");
      server = spawn(
        redisServer,
        ["--port", String(port), "--bind", "127.0.0.1", "--dir", work, "--dbfilename", "dump.rdb", "--save", "", "--appendonly", "no", "--databases", String(databases), "--logfile", log, "--daemonize", "no"],
        { stdio: "ignore", env: childEnv() },
      );
      const exited = new Promise<number | null>((resolve) => server?.once("exit", (code) => resolve(code)));
      let status: "ready" | "exited" | "timeout" = "timeout";
      while (Date.now() < restoreStartedAt.getTime() + timeoutMs) {
        if (server.exitCode !== null || server.signalCode !== null) {
          status = "exited";
          break;
        }
        try {
          scratch ??= await connectRedis(scratchUrl, "scratch Redis");
          const loading = parseInfo(await scratch.info("persistence")).get("loading");
          if (loading === "0") {
            status = "ready";
            break;
          }
        } catch {
          scratch?.disconnect();
          scratch = undefined;
        }
        await sleep(25);
      }
      if (status !== "ready") {
        if (status === "exited") await exited;
        failures.push(status === "exited" ? `redis-server could not load the RDB: ${tail(log)}` : `redis-server did not finish loading within ${timeoutMs} ms`);
      } else if (scratch) {
        await hooks?.afterRestore?.(scratchUrl);
        // 5. Verify.
        progress.phase("verify", `comparing ${Math.max(before.size, after.size)} databases and ${sample.length} sampled keys`);
        const restored = parseKeyspace(await scratch.info("keyspace"));
        for (const db of [...new Set([...before.keys(), ...after.keys(), ...restored.keys()])].sort((a, b) => a - b)) {
          checks.push(compareDatabase(db, before.get(db), after.get(db), restored.get(db)));
        }
        const copy = await readKeys(scratch, sample, false, [], [], 0);
        sample.forEach((entry, index) => {
          const check = compareKey(entry, atomic.states[index], settled.states[index], copy.states[index]);
          if (check) checks.push(check);
          if ((index + 1) % 250 === 0) progress.step(`${index + 1}/${sample.length} keys compared`);
        });
        progress.step(`${checks.filter((check) => check.kind === "key").length} keys compared`);
        const mismatched = checks.filter((check) => !check.passed);
        if (mismatched.length > 0) failures.push(`${mismatched.length} of ${checks.length} checks differ from the source: ${mismatched.slice(0, 10).map((check) => check.name).join(", ")}`);
        if (failures.length === 0) verifiedAt = new Date();
      }
    } catch (error) {
      failures.push(`restore drill broke: ${describeThrown(error)}`);
    }

    progress.phase("cleanup", "stopping the scratch redis-server");
    await stopServer(server, scratch);
    scratch = undefined;
    server = undefined;
    return assembleProof({
      store,
      engine: "redis",
      backup: { id: `rdb:${redactUrl(options.source)}@${backupTime.toISOString()}`, time: backupTime.toISOString(), method: "redis BGSAVE (RDB)", sizeBytes: size, sha256 },
      source: options.source,
      scratch: scratchUrl,
      startedAt,
      restoreStartedAt,
      verifiedAt,
      backupTime,
      integrityMethod: DIGEST_METHOD,
      checks,
      smoke: [],
      tools,
      failures,
    });
  } finally {
    source.disconnect();
    await stopServer(server, scratch);
    rmSync(work, { recursive: true, force: true });
  }
}

async function stopServer(server: ChildProcess | undefined, client: Redis | undefined): Promise<void> {
  if (client) {
    await client.call("SHUTDOWN", "NOSAVE").catch(() => undefined);
    client.disconnect();
  }
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  server.kill("SIGTERM");
  const timer = setTimeout(() => server.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

function compareDatabase(db: number, before: Keyspace | undefined, after: Keyspace | undefined, restored: Keyspace | undefined): IntegrityCheck {
  const zero: Keyspace = { keys: 0, expires: 0 };
  const a = before ?? zero;
  const b = after ?? zero;
  const r = restored ?? zero;
  const persistent = (k: Keyspace) => k.keys - k.expires;
  const stable = a.keys === b.keys && a.expires === b.expires;
  const low = Math.min(persistent(a), persistent(b));
  const high = Math.max(persistent(a), persistent(b));
  // Keys with a TTL may expire before the copy loads (and are not loaded once expired): at most as many.
  const passed = persistent(r) >= low && persistent(r) <= high && r.expires <= Math.max(a.expires, b.expires);
  const detail = passed
    ? stable
      ? undefined
      : `the source changed during the snapshot (${a.keys} keys in the MULTI, ${b.keys} after the save)`
    : `${persistent(r)} keys without TTL restored, ${stable ? persistent(a) : `${low}-${high}`} in the source; ${r.expires} keys with TTL restored, ${Math.max(a.expires, b.expires)} in the source`;
  return {
    kind: "database",
    name: `db${db}`,
    passed,
    source: { keys: a.keys, volatileKeys: a.expires },
    restored: { keys: r.keys, volatileKeys: r.expires },
    ...(detail ? { detail } : {}),
  };
}

function keyName(entry: Sampled): string {
  const text = entry.key.toString("utf8");
  const printable = /^[\x20-\x7e]*$/.test(text) && text.length <= 200 ? text : `hex:${entry.key.toString("hex").slice(0, 64)}`;
  return `db${entry.db}:${printable}`;
}

function compareKey(entry: Sampled, before: KeyState | undefined, after: KeyState | undefined, restored: KeyState | undefined): IntegrityCheck | undefined {
  if (!before || before.digest === "missing") return undefined; // gone before the snapshot: nothing to compare
  const name = keyName(entry);
  const sourceMeasure = { type: entry.type, digest: before.digest };
  if (!restored || restored.digest === "missing") {
    if (before.volatile) return { kind: "key", name, passed: true, source: sourceMeasure, detail: "had a TTL and expired before the copy loaded" };
    if (after?.digest === "missing") return { kind: "key", name, passed: true, source: sourceMeasure, detail: "deleted on the source during the snapshot" };
    return { kind: "key", name, passed: false, source: sourceMeasure, detail: "missing from the restored copy" };
  }
  const restoredMeasure = { type: entry.type, digest: restored.digest };
  if (restored.digest === before.digest) return { kind: "key", name, passed: true, source: sourceMeasure, restored: restoredMeasure };
  if (after && after.digest !== before.digest && restored.digest === after.digest) {
    return { kind: "key", name, passed: true, source: sourceMeasure, restored: restoredMeasure, detail: "changed on the source during the snapshot; matches the later value" };
  }
  return { kind: "key", name, passed: false, source: sourceMeasure, restored: restoredMeasure, detail: "content differs from the source" };
}
