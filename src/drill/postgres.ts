import { createHash, randomBytes } from "node:crypto";
import { createReadStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { ConfigurationError, describeThrown } from "../engine/errors.js";
import { connectFailure, connectTimeoutSeconds } from "../sources/connect-timeout.js";
import { passwordForEnvironment, redactSecrets, redactUrl } from "../sources/credentials.js";
import { runProcess } from "../sources/tools.js";
import { findProgram } from "./binaries.js";
import type { Progress } from "./progress.js";
import { assembleProof, type IntegrityCheck, type RestoreProof, type SmokeCheck } from "./proof.js";

/** Points where a test may interfere with a drill, to prove that a broken backup or copy is caught. */
export interface DrillHooks {
  /** After the backup file is written and before it is restored (corrupt it, say). */
  afterBackup?(file: string): void | Promise<void>;
  /** After the restore and before verification, with a URL of the restored copy (change a row, say). */
  afterRestore?(url: string): void | Promise<void>;
}

export interface PostgresDrillOptions {
  /** postgres:// URL of the source database. */
  source: string;
  /** postgres:// URL of a server (any database on it) where the scratch database is created; default: the source server. */
  scratch?: string;
  /** Catalog store name; default: the source database's name. */
  store?: string;
  /** SQL run against the restored copy; each passes when it runs without error and, if its last result is one boolean column, every value is true. */
  smoke?: { name: string; sql: string }[];
  /** Keep the scratch database (for a look after a failure). */
  keepScratch?: boolean;
  /** Directory of pg_dump and pg_restore. */
  pgBin?: string;
  /** pg_restore --jobs. */
  jobs?: number;
  progress: Progress;
  hooks?: DrillHooks;
  version?: string;
}

/**
 * Session settings pinned on both sides, so that `row::text` (and so the checksum) depends only on the
 * data, not on the server's or the role's defaults.
 */
const PINNED_SETTINGS = [
  "SET DateStyle = 'ISO, YMD'",
  "SET IntervalStyle = 'postgres'",
  "SET TimeZone = 'UTC'",
  "SET extra_float_digits = 3",
  "SET bytea_output = 'hex'",
  "SET lc_monetary = 'C'",
  "SET statement_timeout = 0",
];

export const CHECKSUM_METHOD =
  "per table: count(*), and SHA-256 of the sums (as numeric) of the two 64-bit halves of md5(row::text) over all rows of the table " +
  "(order-independent, duplicates counted); text output pinned: DateStyle ISO, YMD; IntervalStyle postgres; TimeZone UTC; " +
  "extra_float_digits 3; bytea_output hex; lc_monetary C";

/** User tables (and partitions), without system schemas and tables that belong to extensions. */
const TABLES_SQL = `
SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY n.nspname, c.relname`;

function checksumSql(table: string): string {
  return `SELECT count(*)::bigint AS rows,
  coalesce(sum(('x' || substr(h, 1, 16))::bit(64)::bigint), 0)::text AS a,
  coalesce(sum(('x' || substr(h, 17, 16))::bit(64)::bigint), 0)::text AS b
FROM (SELECT md5(t::text) AS h FROM ONLY ${table} AS t) AS rows_of_table`;
}

interface TableSummary {
  rows: number;
  checksum: string;
}

async function summarize(client: pg.Client, table: string): Promise<TableSummary> {
  const result = await client.query<{ rows: string; a: string; b: string }>(checksumSql(table));
  const row = result.rows[0];
  if (!row) throw new Error(`no checksum row for ${table}`);
  return { rows: Number(row.rows), checksum: createHash("sha256").update(`${row.a}:${row.b}`).digest("hex") };
}

async function connect(url: string, what: string): Promise<pg.Client> {
  const limit = connectTimeoutSeconds();
  // node-postgres's timeout covers the TCP connect and the startup exchange up to ReadyForQuery.
  const client = new pg.Client({ connectionString: url, application_name: "resilience-gates drill", connectionTimeoutMillis: limit * 1000 });
  // A server that closes the connection later must not crash the process.
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new ConfigurationError(`cannot connect to the ${what} (${redactUrl(url)}): ${connectFailure(error, limit)}`);
  }
  for (const statement of PINNED_SETTINGS) await client.query(statement);
  return client;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/**
 * pg_dump and pg_restore get the URL without its password (userinfo or ?password=), and the password in
 * PGPASSWORD, so that it does not show in the process list.
 */
function forTool(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const { url: withoutPassword, password } = passwordForEnvironment(url);
  // libpq's connect_timeout bounds the connection and its startup; libpq takes whole seconds, at least 2.
  const env = { ...process.env, PGCONNECT_TIMEOUT: String(Math.max(2, Math.ceil(connectTimeoutSeconds()))) };
  return { url: withoutPassword, env: password === undefined ? env : { ...env, PGPASSWORD: password } };
}

function databaseOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
  } catch {
    throw new ConfigurationError(`--source ${redactUrl(url)} is not a postgres:// URL`);
  }
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** The end of a tool's stderr for a message; pg_dump and pg_restore may quote the URL they were given. */
function lastLines(text: string, count = 6): string {
  return redactSecrets(text.trim().split("\n").slice(-count).join(" | "));
}

async function version(program: string): Promise<string> {
  const run = await runProcess(program, ["--version"], { timeoutMs: 30_000 });
  return run.stdout.trim() || run.stderr.trim();
}

/**
 * A PostgreSQL restore drill: pg_dump (custom format) of the source as of an exported snapshot, the
 * source's row counts and content checksums computed in that same snapshot, pg_restore into a fresh
 * scratch database, the same counts and checksums on the copy, optional smoke SQL. Returns the unsigned
 * proof; throws a ConfigurationError when the drill cannot start (no source, pg_dump failing), and records
 * anything that goes wrong from the restore on as a failed drill.
 */
export async function drillPostgres(options: PostgresDrillOptions): Promise<RestoreProof> {
  const { progress, hooks } = options;
  const startedAt = new Date();
  const pgDump = findProgram("pg_dump", options.pgBin);
  const pgRestore = findProgram("pg_restore", options.pgBin);
  const store = options.store ?? databaseOf(options.source);
  if (options.scratch) databaseOf(options.scratch);
  const tools: Record<string, string> = { pg_dump: await version(pgDump), pg_restore: await version(pgRestore), "resilience-gates": options.version ?? "unknown" };
  const work = mkdtempSync(join(tmpdir(), "resilience-gates-drill-pg-"));
  const dumpFile = join(work, "backup.pgdump");
  const failures: string[] = [];
  const checks: IntegrityCheck[] = [];
  const smoke: SmokeCheck[] = [];
  let scratchAdmin: pg.Client | undefined;
  let scratchName: string | undefined;
  let scratchUrl: string | undefined;
  try {
    // 1. Snapshot, dump and source checksums, all as of one exported snapshot.
    progress.phase("snapshot", `connecting to ${redactUrl(options.source)}`);
    const source = await connect(options.source, "source database");
    let backupTime: Date;
    let sourceTables: Map<string, TableSummary>;
    let encoding: { encoding: string; collate: string; ctype: string } | undefined;
    try {
      tools.sourceServer = String((await source.query<{ v: string }>("SELECT version() AS v")).rows[0]?.v ?? "");
      const db = await source.query<{ encoding: string; collate: string; ctype: string }>(
        "SELECT pg_encoding_to_char(encoding) AS encoding, datcollate AS collate, datctype AS ctype FROM pg_database WHERE datname = current_database()",
      );
      encoding = db.rows[0];
      await source.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const snapshot = await source.query<{ id: string; at: Date }>("SELECT pg_export_snapshot() AS id, statement_timestamp() AS at");
      const exported = snapshot.rows[0];
      if (!exported) throw new Error("pg_export_snapshot returned nothing");
      backupTime = exported.at;
      const tables = (await source.query<{ name: string }>(TABLES_SQL)).rows.map((row) => row.name);
      progress.phase("dump", `pg_dump -Fc --snapshot=${exported.id} (${tables.length} tables), checksumming the source in the same snapshot`);
      const tool = forTool(options.source);
      const dump = runProcess(pgDump, ["--format=custom", `--snapshot=${exported.id}`, `--file=${dumpFile}`, `--dbname=${tool.url}`], {
        timeoutMs: 24 * 3600 * 1000,
        env: tool.env,
      });
      dump.catch(() => undefined);
      sourceTables = new Map();
      for (const [index, table] of tables.entries()) {
        sourceTables.set(table, await summarize(source, table));
        progress.step(`source ${index + 1}/${tables.length} tables checksummed (${table})`);
      }
      const dumped = await dump;
      if (dumped.exitCode !== 0) throw new ConfigurationError(`pg_dump failed (exit ${dumped.exitCode}): ${lastLines(dumped.stderr)}`);
      await source.query("COMMIT");
    } finally {
      await source.end().catch(() => undefined);
    }
    const size = statSync(dumpFile).size;
    progress.step(`dump written: ${size} bytes`);
    await hooks?.afterBackup?.(dumpFile);
    const sha256 = await sha256File(dumpFile);

    // 2. Restore into a fresh scratch database. From here on, anything that fails is a failed drill.
    const restoreStartedAt = new Date();
    let verifiedAt: Date | null = null;
    try {
      const adminUrl = options.scratch ?? options.source;
      scratchName = `rg_drill_${store.replace(/[^a-z0-9]+/gi, "_").toLowerCase().slice(0, 24)}_${restoreStartedAt.toISOString().replace(/\D/g, "").slice(0, 14)}_${randomBytes(3).toString("hex")}`;
      progress.phase("restore", `creating scratch database ${scratchName} on ${redactUrl(adminUrl)}`);
      scratchAdmin = await connect(adminUrl, "scratch server");
      tools.scratchServer = String((await scratchAdmin.query<{ v: string }>("SELECT version() AS v")).rows[0]?.v ?? "");
      const base = `CREATE DATABASE ${quoteIdent(scratchName)} TEMPLATE template0`;
      try {
        await scratchAdmin.query(
          encoding ? `${base} ENCODING ${quoteLiteral(encoding.encoding)} LC_COLLATE ${quoteLiteral(encoding.collate)} LC_CTYPE ${quoteLiteral(encoding.ctype)}` : base,
        );
      } catch {
        // The source's locale may not exist on the scratch server; the server's default will do.
        await scratchAdmin.query(base);
      }
      scratchUrl = withDatabase(adminUrl, scratchName);
      progress.step(`pg_restore --exit-on-error --no-owner --no-privileges into ${scratchName}`);
      const tool = forTool(scratchUrl);
      const restore = await runProcess(
        pgRestore,
        ["--exit-on-error", "--no-owner", "--no-privileges", `--jobs=${options.jobs ?? 1}`, `--dbname=${tool.url}`, dumpFile],
        { timeoutMs: 24 * 3600 * 1000, env: tool.env },
      );
      if (restore.exitCode !== 0) {
        failures.push(`pg_restore failed (exit ${restore.exitCode}): ${lastLines(restore.stderr)}`);
      } else {
        await hooks?.afterRestore?.(scratchUrl);
        // 3. Verify every table against the source as of the snapshot.
        progress.phase("verify", `comparing ${sourceTables.size} tables with the source snapshot`);
        const copy = await connect(scratchUrl, "scratch database");
        try {
          const restoredTables = new Set((await copy.query<{ name: string }>(TABLES_SQL)).rows.map((row) => row.name));
          let done = 0;
          for (const [table, expected] of sourceTables) {
            done++;
            if (!restoredTables.has(table)) {
              checks.push({ kind: "table", name: table, passed: false, source: expected, detail: "missing from the restored copy" });
              continue;
            }
            const actual = await summarize(copy, table);
            const passed = actual.rows === expected.rows && actual.checksum === expected.checksum;
            checks.push({
              kind: "table",
              name: table,
              passed,
              source: expected,
              restored: actual,
              ...(passed ? {} : { detail: actual.rows !== expected.rows ? `${actual.rows} rows restored, ${expected.rows} in the source` : "same row count, different content" }),
            });
            progress.step(`${done}/${sourceTables.size} tables verified (${table}: ${passed ? "ok" : "MISMATCH"})`);
          }
          for (const table of [...restoredTables].filter((name) => !sourceTables.has(name)).sort()) {
            checks.push({ kind: "table", name: table, passed: false, restored: await summarize(copy, table), detail: "in the restored copy but not in the source" });
          }
          const mismatched = checks.filter((check) => !check.passed);
          if (mismatched.length > 0) failures.push(`${mismatched.length} of ${checks.length} tables differ from the source: ${mismatched.map((check) => check.name).join(", ")}`);
          // 4. Smoke checks on the verified copy.
          for (const check of options.smoke ?? []) {
            progress.phase("smoke", check.name);
            smoke.push(await runSmoke(copy, check));
          }
          for (const failed of smoke.filter((check) => !check.passed)) failures.push(`smoke check ${failed.name} failed: ${failed.detail ?? ""}`);
        } finally {
          await copy.end().catch(() => undefined);
        }
        if (failures.length === 0) verifiedAt = new Date();
      }
    } catch (error) {
      failures.push(`restore drill broke: ${redactSecrets(describeThrown(error))}`);
    }

    progress.phase("cleanup", options.keepScratch && scratchName ? `keeping scratch database ${scratchName}` : "dropping the scratch database");
    if (scratchAdmin && scratchName && !options.keepScratch) {
      await scratchAdmin.query(`DROP DATABASE IF EXISTS ${quoteIdent(scratchName)} WITH (FORCE)`).catch((error: unknown) => {
        progress.step(`could not drop ${scratchName}: ${redactSecrets(describeThrown(error))}`);
      });
    }
    return assembleProof({
      store,
      engine: "postgres",
      backup: { id: `pg_dump:${databaseOf(options.source)}@${backupTime.toISOString()}`, time: backupTime.toISOString(), method: "pg_dump -Fc", sizeBytes: size, sha256 },
      source: options.source,
      ...(scratchUrl ? { scratch: scratchUrl } : {}),
      startedAt,
      restoreStartedAt,
      verifiedAt,
      backupTime,
      integrityMethod: CHECKSUM_METHOD,
      checks,
      smoke,
      tools,
      failures,
    });
  } finally {
    await scratchAdmin?.end().catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }
}

async function runSmoke(client: pg.Client, check: { name: string; sql: string }): Promise<SmokeCheck> {
  const started = Date.now();
  try {
    const result = (await client.query(check.sql)) as pg.QueryResult | pg.QueryResult[];
    const last = Array.isArray(result) ? result[result.length - 1] : result;
    const durationMs = Date.now() - started;
    if (last && last.fields.length === 1 && last.rows.length > 0 && last.rows.every((row) => typeof Object.values(row as object)[0] === "boolean")) {
      const falses = last.rows.filter((row) => Object.values(row as object)[0] !== true).length;
      if (falses > 0) return { name: check.name, passed: false, detail: `${falses} of ${last.rows.length} rows returned false`, durationMs };
    }
    return { name: check.name, passed: true, detail: `${last?.rowCount ?? 0} rows`, durationMs };
  } catch (error) {
    return { name: check.name, passed: false, detail: describeThrown(error), durationMs: Date.now() - started };
  }
}
