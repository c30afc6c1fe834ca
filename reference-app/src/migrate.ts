/**
 * A tiny migration runner: applies migrations/NNNN_name.sql in order, once each, and records them in
 * schema_migrations with a checksum (an applied file that changed afterwards is an error).
 *
 * A file runs in one transaction together with its schema_migrations row, unless it starts with the
 * directive `--! no-transaction` (graphile-migrate's spelling, which the migrations gate reads) or contains
 * CREATE/DROP INDEX CONCURRENTLY (which PostgreSQL refuses inside a transaction); such a file runs statement by statement and is recorded after its last statement,
 * so its statements must be safe to run again (IF NOT EXISTS). A session-level advisory lock serialises
 * runners started at the same time (several pods, a hook Job and a developer); it is polled, not waited on,
 * so a waiting runner never holds a transaction that CREATE INDEX CONCURRENTLY would wait for.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export const MIGRATION_FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;
const LOCK_ID = 7_263_841_001;

export interface Migration {
  version: string;
  name: string;
  file: string;
  sql: string;
  checksum: string;
  transactional: boolean;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

export type Log = (message: string) => void;

export function loadMigrations(dir: string): Migration[] {
  const files = readdirSync(dir).filter((name) => name.endsWith(".sql")).sort();
  const seen = new Map<string, string>();
  return files.map((file) => {
    const match = MIGRATION_FILE.exec(file);
    if (!match) throw new Error(`${file}: migration files are named NNNN_snake_case_name.sql`);
    const version = match[1]!;
    const other = seen.get(version);
    if (other) throw new Error(`${file}: version ${version} is also used by ${other}`);
    seen.set(version, file);
    const sql = readFileSync(path.join(dir, file), "utf8");
    const body = stripComments(sql);
    const transactional = !/^\s*--!\s*no-transaction\s*$/m.test(sql) && !/\bCONCURRENTLY\b/i.test(body);
    return { version, name: match[2]!, file, sql, checksum: createHash("sha256").update(sql).digest("hex"), transactional };
  });
}

export async function runMigrations(options: { databaseUrl: string; dir: string; log?: Log; lockWaitMs?: number }): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const migrations = loadMigrations(options.dir);
  const client = new pg.Client({ connectionString: options.databaseUrl, application_name: "migrate" });
  // An idle connection's error surfaces through the next query; keep it from crashing the process.
  client.on("error", () => {});
  await client.connect();
  try {
    await acquireLock(client, options.lockWaitMs ?? 600_000, log);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(),
      execution_ms integer NOT NULL
    )`);
    const { rows } = await client.query<{ version: string; name: string; checksum: string }>("SELECT version, name, checksum FROM schema_migrations");
    const applied = new Map(rows.map((row) => [row.version, row]));
    const known = new Set(migrations.map((m) => m.version));
    for (const row of rows) {
      if (!known.has(row.version)) log(`note: version ${row.version} (${row.name}) is applied but has no file here (a newer release ran?)`);
    }
    const result: MigrateResult = { applied: [], alreadyApplied: [] };
    for (const migration of migrations) {
      const done = applied.get(migration.version);
      if (done) {
        if (done.checksum !== migration.checksum) {
          throw new Error(`${migration.file} changed after it was applied (checksum ${done.checksum.slice(0, 12)} in the database); add a new migration instead`);
        }
        result.alreadyApplied.push(migration.version);
        continue;
      }
      const started = performance.now();
      log(`applying ${migration.file}${migration.transactional ? "" : " (no transaction)"}`);
      try {
        if (migration.transactional) {
          await client.query("BEGIN");
          await client.query(migration.sql);
          await record(client, migration, started);
          await client.query("COMMIT");
        } else {
          for (const statement of splitStatements(migration.sql)) await client.query(statement);
          await record(client, migration, started);
        }
      } catch (error) {
        if (migration.transactional) await client.query("ROLLBACK").catch(() => {});
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`${migration.file} failed: ${message}`, { cause: error });
      } finally {
        // Files set lock_timeout and statement_timeout for themselves; start the next one clean.
        await client.query("RESET ALL").catch(() => {});
      }
      result.applied.push(migration.version);
      log(`applied ${migration.file} in ${Math.round(performance.now() - started)} ms`);
    }
    return result;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_ID]).catch(() => {});
    await client.end();
  }
}

/**
 * Polls pg_try_advisory_lock instead of blocking in pg_advisory_lock: a runner blocked inside a statement
 * holds a transaction open, and CREATE INDEX CONCURRENTLY in the runner holding the lock waits for every
 * open transaction to end, which would deadlock the two.
 */
async function acquireLock(client: pg.Client, waitMs: number, log: Log): Promise<void> {
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [LOCK_ID]);
    if (rows[0]?.locked) return;
    if (Date.now() > deadline) throw new Error(`another migration runner held the lock for more than ${waitMs} ms`);
    if (!told) log("waiting for another migration runner to finish");
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function record(client: pg.Client, migration: Migration, started: number): Promise<void> {
  await client.query("INSERT INTO schema_migrations (version, name, checksum, execution_ms) VALUES ($1, $2, $3, $4)", [
    migration.version,
    migration.name,
    migration.checksum,
    Math.round(performance.now() - started),
  ]);
}

/** Removes -- and /* *\/ comments (outside quotes), for looking at a file's statements. */
export function stripComments(sql: string): string {
  return scan(sql).map((part) => part.text).join("");
}

/**
 * Splits a script into statements at top-level semicolons, aware of quotes, dollar quotes and comments.
 * Statements that are only comments or blank are dropped.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = "";
  for (const part of scan(sql)) {
    if (part.kind === "semicolon") {
      if (stripComments(current).trim()) statements.push(current.trim());
      current = "";
    } else {
      current += part.kind === "comment" ? "" : part.text;
    }
  }
  if (stripComments(current).trim()) statements.push(current.trim());
  return statements;
}

type Part = { kind: "code" | "comment" | "semicolon"; text: string };

function scan(sql: string): Part[] {
  const parts: Part[] = [];
  let i = 0;
  let code = "";
  const flush = (): void => {
    if (code) parts.push({ kind: "code", text: code });
    code = "";
  };
  while (i < sql.length) {
    const ch = sql[i]!;
    const next = sql[i + 1];
    if (ch === "-" && next === "-") {
      const end = sql.indexOf("\n", i);
      const stop = end < 0 ? sql.length : end;
      flush();
      parts.push({ kind: "comment", text: sql.slice(i, stop) });
      i = stop;
    } else if (ch === "/" && next === "*") {
      let depth = 1;
      let j = i + 2;
      while (j < sql.length && depth > 0) {
        if (sql[j] === "/" && sql[j + 1] === "*") {
          depth++;
          j += 2;
        } else if (sql[j] === "*" && sql[j + 1] === "/") {
          depth--;
          j += 2;
        } else {
          j++;
        }
      }
      flush();
      parts.push({ kind: "comment", text: sql.slice(i, j) });
      i = j;
    } else if (ch === "'" || ch === '"') {
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === ch && sql[j + 1] === ch) j += 2;
        else if (sql[j] === ch) break;
        else j++;
      }
      code += sql.slice(i, j + 1);
      i = j + 1;
    } else if (ch === "$") {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))?.[0];
      if (tag) {
        const end = sql.indexOf(tag, i + tag.length);
        const stop = end < 0 ? sql.length : end + tag.length;
        code += sql.slice(i, stop);
        i = stop;
      } else {
        code += ch;
        i++;
      }
    } else if (ch === ";") {
      flush();
      parts.push({ kind: "semicolon", text: ";" });
      i++;
    } else {
      code += ch;
      i++;
    }
  }
  flush();
  return parts;
}
