// Trace mode: run the migrations on a real PostgreSQL and record what each new statement did. A
// throwaway server of its own (initdb in a temp directory, its own port, run as the unprivileged
// postgres user when we are root; never a system cluster) or a scratch database the user names. The
// earlier migrations are replayed, the tables the new ones touch are seeded, and each new statement
// runs under the runner's transaction model; after it, still inside its transaction, pg_locks shows the
// locks this backend holds, and pg_class.relfilenode shows which tables were rewritten.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { CollectorError } from "../../engine/errors.js";
import type { Logger } from "../../engine/logger.js";
import type { LockMode } from "./locks.js";
import { freePort } from "../../sources/ports.js";
import { childEnv } from "../../sources/tools.js";

export interface TraceOptions {
  /** postgres:// URL of a server where the trace may create a scratch database. */
  url?: string;
  /** Rows seeded into each existing table a new migration touches (default 1000). */
  rows?: number;
  /** Directory with initdb and postgres. */
  postgresBin?: string;
}

export interface ObservedLock {
  relation: string;
  /** table, partitioned_table, index, materialized_view, sequence, view, other */
  kind: string;
  mode: LockMode;
  /** The relation existed before this migration file started. */
  existing: boolean;
}

export interface StatementTrace {
  /** Locks the statement's session held right after it (null when it ran outside a transaction). */
  locks: ObservedLock[] | null;
  rewritten: string[];
  duration_ms: number;
  error?: string;
  /** Why the statement did not run (an earlier statement of its transaction failed). */
  skipped?: string;
}

export interface TraceFile {
  shown: string;
  /** The file's SQL, statement by statement. */
  statements: string[];
  /** Judged (traced, seeded) or only replayed. */
  judged: boolean;
  /** Whether PostgreSQL runs the file's statements in the runner's transaction or one by one. */
  transaction: "per-file" | "none";
  /** Tables the judged file's statements touch (schema-qualified), to seed before it runs. */
  touched: string[];
}

/** pg_locks `mode` names and the lock modes they are. */
export const MODE_NAMES: Record<string, LockMode> = {
  AccessShareLock: "ACCESS SHARE",
  RowShareLock: "ROW SHARE",
  RowExclusiveLock: "ROW EXCLUSIVE",
  ShareUpdateExclusiveLock: "SHARE UPDATE EXCLUSIVE",
  ShareLock: "SHARE",
  ShareRowExclusiveLock: "SHARE ROW EXCLUSIVE",
  ExclusiveLock: "EXCLUSIVE",
  AccessExclusiveLock: "ACCESS EXCLUSIVE",
};

const RELKINDS: Record<string, string> = { r: "table", p: "partitioned_table", i: "index", I: "index", m: "materialized_view", S: "sequence", v: "view", f: "foreign_table", t: "toast" };

// ---- a throwaway server ----

export interface Server {
  url: string;
  stop(): Promise<void>;
}

/** PostgreSQL's bin directory: the option, else the newest /usr/lib/postgresql/<n>/bin, else PATH. */
export function findPostgresBin(explicit?: string): string | undefined {
  if (explicit) return existsSync(join(explicit, "initdb")) ? explicit : undefined;
  const base = "/usr/lib/postgresql";
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((name) => /^\d+$/.test(name) && existsSync(join(base, name, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(base, versions[0], "bin");
  }
  const which = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8", env: childEnv() });
  const path = which.stdout.trim();
  return path ? path.replace(/\/initdb$/, "") : undefined;
}


/** PostgreSQL refuses to run as root: as root, its binaries run as the unprivileged postgres user. */
function asServerUser(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
}

function serverUserIds(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = spawnSync("id", ["-u", "postgres"], { encoding: "utf8", env: childEnv() });
  const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8", env: childEnv() });
  if (uid.status !== 0 || gid.status !== 0) {
    throw new CollectorError("trace mode runs PostgreSQL as the unprivileged user `postgres` when started as root, and there is no such user");
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * Starts a PostgreSQL of our own: initdb into a new temp directory, a free port on 127.0.0.1, fsync off.
 * The caller must stop() it; stop() shuts it down and deletes the directory.
 */
export async function startThrowawayPostgres(logger: Logger, postgresBin?: string): Promise<Server> {
  const bin = findPostgresBin(postgresBin);
  if (!bin) {
    throw new CollectorError(
      "trace mode needs PostgreSQL server binaries (initdb, postgres): install them (apt-get install postgresql), set trace.postgresBin, or give --trace-url",
    );
  }
  const directory = mkdtempSync(join(tmpdir(), "rg-trace-pg-"));
  const ids = serverUserIds();
  if (ids) chownSync(directory, ids.uid, ids.gid);
  const data = join(directory, "data");
  const [initdb, initArgs] = asServerUser(join(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  const init = spawnSync(initdb, initArgs, { encoding: "utf8", timeout: 120_000, env: childEnv() });
  if (init.status !== 0) {
    rmSync(directory, { recursive: true, force: true });
    throw new CollectorError(`initdb for the trace server failed: ${(init.stderr || init.error?.message || "").trim().split("\n").slice(-3).join(" ")}`);
  }
  const port = await freePort();
  const settings = ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=10", "-c", "listen_addresses=127.0.0.1"];
  const [postgres, args] = asServerUser(join(bin, "postgres"), ["-D", data, "-p", String(port), "-k", directory, ...settings]);
  const child: ChildProcess = spawn(postgres, args, { stdio: ["ignore", "ignore", "pipe"], env: childEnv() });
  let log = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const stop = async () => {
    const pidFile = join(data, "postmaster.pid");
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8").split("\n")[0]) : undefined;
    if (pid) {
      try {
        process.kill(pid, "SIGINT");
      } catch {
        // already gone
      }
    } else child.kill("SIGINT");
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        resolve();
      }, 10_000);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
    });
    rmSync(directory, { recursive: true, force: true });
  };
  const started = performance.now();
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      break;
    } catch {
      await client.end().catch(() => undefined);
      if (child.exitCode !== null || performance.now() - started > 30_000) {
        await stop();
        throw new CollectorError(`the trace PostgreSQL did not start: ${log.trim().split("\n").slice(-3).join(" ")}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  logger.info(`migrations: trace server PostgreSQL from ${bin} on port ${port}`);
  return { url, stop };
}

// ---- tracing ----

interface Relation {
  oid: string;
  name: string;
  kind: string;
  filenode: string;
}

const RELATIONS_SQL = `SELECT c.oid::text AS oid, CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END AS name,
  c.relkind::text AS kind, c.relfilenode::text AS filenode
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'm', 'i', 'I', 'S', 'v', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`;

const LOCKS_SQL = `SELECT c.oid::text AS oid, CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END AS name,
  c.relkind::text AS kind, l.mode
  FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted
    AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`;

async function relations(client: pg.Client): Promise<Map<string, Relation>> {
  const result = await client.query<Relation>(RELATIONS_SQL);
  return new Map(result.rows.map((row) => [row.oid, row]));
}

/** The locks this session holds now, strongest per relation. */
async function heldLocks(client: pg.Client, existing: ReadonlySet<string>): Promise<ObservedLock[]> {
  const result = await client.query<{ oid: string; name: string; kind: string; mode: string }>(LOCKS_SQL);
  const byRelation = new Map<string, ObservedLock>();
  for (const row of result.rows) {
    const mode = MODE_NAMES[row.mode];
    if (!mode) continue;
    const previous = byRelation.get(row.oid);
    if (!previous || modeRank(mode) > modeRank(previous.mode)) {
      byRelation.set(row.oid, { relation: row.name, kind: RELKINDS[row.kind] ?? "other", mode, existing: existing.has(row.oid) });
    }
  }
  return [...byRelation.values()].sort((a, b) => a.relation.localeCompare(b.relation));
}

const modeRank = (mode: LockMode) => Object.values(MODE_NAMES).indexOf(mode);

function newlyHeld(after: ObservedLock[], before: ObservedLock[]): ObservedLock[] {
  return after.filter((lock) => {
    const previous = before.find((held) => held.relation === lock.relation);
    return !previous || modeRank(lock.mode) > modeRank(previous.mode);
  });
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Fills an existing, empty table with generated rows so that scans and rewrites have work to do. */
async function seed(client: pg.Client, table: string, rows: number, logger: Logger): Promise<void> {
  const [schema, name] = table.includes(".") ? (table.split(".", 2) as [string, string]) : ["public", table];
  const columns = await client.query<{ name: string; type: string; typmod: number; notnull: boolean; skip: boolean; fk: boolean; enum_type: string | null }>(
    `SELECT a.attname AS name, format_type(a.atttypid, NULL) AS type, a.atttypmod AS typmod, a.attnotnull AS notnull,
       (a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '') AS skip,
       EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'f' AND a.attnum = ANY (k.conkey)) AS fk,
       CASE WHEN t.typtype = 'e' THEN format_type(a.atttypid, NULL) END AS enum_type
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid
     WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [schema, name],
  );
  if (columns.rows.length === 0) return;
  const qualified = `${quoteIdent(schema)}.${quoteIdent(name)}`;
  const count = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${qualified}`);
  if (Number(count.rows[0]?.n ?? 0) > 0) return;
  const targets: string[] = [];
  const values: string[] = [];
  for (const column of columns.rows) {
    if (column.skip) continue;
    let value = generated(column.type, column.typmod, column.enum_type);
    if (column.fk || value === undefined) {
      if (column.notnull) {
        logger.debug(`trace: not seeding ${table}: cannot generate ${column.name} ${column.type}`);
        return;
      }
      value = "NULL";
    }
    targets.push(quoteIdent(column.name));
    values.push(value);
  }
  try {
    await client.query("SAVEPOINT rg_seed");
    await client.query(`INSERT INTO ${qualified} (${targets.join(", ")}) SELECT ${values.join(", ")} FROM generate_series(1, ${rows}) AS g`);
    await client.query("RELEASE SAVEPOINT rg_seed");
  } catch (error) {
    await client.query("ROLLBACK TO SAVEPOINT rg_seed");
    logger.debug(`trace: not seeding ${table}: ${(error as Error).message}`);
  }
}

function generated(type: string, typmod: number, enumType: string | null): string | undefined {
  if (enumType) return `(enum_range(NULL::${enumType}))[1]`;
  const length = typmod > 4 ? typmod - 4 : 0;
  switch (type) {
    case "smallint":
      return "(g % 32000)::smallint";
    case "integer":
    case "bigint":
    case "numeric":
    case "real":
    case "double precision":
      return `g::${type}`;
    case "text":
      return "'v' || g";
    case "character varying":
    case "character":
      return length > 0 ? `left('v' || g, ${length})` : "'v' || g";
    case "boolean":
      return "(g % 2 = 0)";
    case "timestamp with time zone":
    case "timestamp without time zone":
      return `(now() - g * interval '1 minute')::${type}`;
    case "date":
      return "current_date - (g % 3650)";
    case "uuid":
      return "md5(g::text)::uuid";
    case "jsonb":
    case "json":
      return `'{}'::${type}`;
    case "bytea":
      return "'\\x00'::bytea";
    default:
      return undefined;
  }
}

function isTransactionControl(sql: string): string | undefined {
  const match = /^\s*(BEGIN|START\s+TRANSACTION|COMMIT|END|ROLLBACK|ABORT)\b/i.exec(sql);
  return match?.[1]?.toUpperCase().replace(/\s+.*/, "");
}

/**
 * Replays the files in order on a scratch database and traces the judged ones. Returns, per judged
 * file (by shown path), one trace per statement.
 */
export async function traceMigrations(files: readonly TraceFile[], options: TraceOptions, logger: Logger): Promise<Map<string, StatementTrace[]>> {
  const server = options.url ? undefined : await startThrowawayPostgres(logger, options.postgresBin);
  const baseUrl = options.url ?? server?.url ?? "";
  const admin = new pg.Client({ connectionString: baseUrl });
  const database = `rg_trace_${randomBytes(4).toString("hex")}`;
  let created = false;
  const traces = new Map<string, StatementTrace[]>();
  try {
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${database} TEMPLATE template0 ENCODING 'UTF8'`);
      created = true;
    } catch (error) {
      if (!options.url) throw error;
      logger.warn(`trace: cannot create a scratch database (${(error as Error).message}); tracing in the database of --trace-url itself`);
    }
    const url = new URL(baseUrl);
    if (created) url.pathname = `/${database}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      for (const file of files) {
        if (!file.judged) {
          for (const [index, sql] of file.statements.entries()) {
            try {
              await client.query(sql);
            } catch (error) {
              throw new CollectorError(`trace: replaying ${file.shown} failed at statement ${index + 1}: ${(error as Error).message}`, { file: file.shown, line: 1 });
            }
          }
          continue;
        }
        traces.set(file.shown, await traceFile(client, file, options.rows ?? 1000, logger));
      }
    } finally {
      await client.end().catch(() => undefined);
    }
  } finally {
    if (created) await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
    await server?.stop();
  }
  return traces;
}

async function traceFile(client: pg.Client, file: TraceFile, rows: number, logger: Logger): Promise<StatementTrace[]> {
  await client.query("BEGIN");
  for (const table of file.touched) await seed(client, table, rows, logger);
  await client.query("COMMIT");
  const before = await relations(client);
  const existing = new Set([...before.values()].filter((r) => r.kind !== "S").map((r) => r.oid));
  const traces: StatementTrace[] = [];
  let explicit = false;
  let aborted: string | undefined;
  if (file.transaction === "per-file") await client.query("BEGIN");
  for (const sql of file.statements) {
    if (aborted) {
      traces.push({ locks: null, rewritten: [], duration_ms: 0, skipped: aborted });
      continue;
    }
    const control = isTransactionControl(sql);
    const inTransaction = file.transaction === "per-file" || explicit;
    const own = !inTransaction && !control;
    if (own) await client.query("BEGIN");
    const filenodes = await relations(client);
    const heldBefore = inTransaction && !own ? await heldLocks(client, existing) : [];
    const started = performance.now();
    let error: string | undefined;
    try {
      await client.query(sql);
    } catch (thrown) {
      error = (thrown as Error).message;
    }
    const duration = Math.round((performance.now() - started) * 10) / 10;
    if (control === "BEGIN" || control === "START") explicit = true;
    if (control === "COMMIT" || control === "END" || control === "ROLLBACK" || control === "ABORT") explicit = false;
    if (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      if (own && /cannot (run|be executed) inside a transaction block/.test(error)) {
        // Autocommit in the runner: run it outside a transaction; its locks are gone when it returns.
        const retried = performance.now();
        try {
          await client.query(sql);
          traces.push({ locks: null, rewritten: [], duration_ms: Math.round((performance.now() - retried) * 10) / 10 });
        } catch (again) {
          traces.push({ locks: null, rewritten: [], duration_ms: 0, error: (again as Error).message });
        }
        continue;
      }
      traces.push({ locks: null, rewritten: [], duration_ms: duration, error });
      if (inTransaction) aborted = "an earlier statement of its transaction failed";
      if (file.transaction === "per-file") await client.query("BEGIN");
      explicit = false;
      continue;
    }
    const stillInTransaction = file.transaction === "per-file" || explicit || own;
    // Locks this statement acquired or strengthened: those its transaction held before are not its own.
    const locks = stillInTransaction && !control ? newlyHeld(await heldLocks(client, existing), heldBefore) : null;
    const after = stillInTransaction ? await relations(client) : new Map<string, Relation>();
    const rewritten = [...after.values()]
      .filter((r) => existing.has(r.oid) && r.kind !== "i" && r.kind !== "I" && filenodes.get(r.oid) && filenodes.get(r.oid)?.filenode !== r.filenode)
      .map((r) => r.name);
    traces.push({ locks, rewritten, duration_ms: duration });
    if (own) await client.query("COMMIT");
  }
  if (file.transaction === "per-file" || explicit) await client.query("COMMIT").catch(() => client.query("ROLLBACK"));
  return traces;
}
