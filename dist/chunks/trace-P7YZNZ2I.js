import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  esm_default
} from "./chunk-LSDKRTPN.js";
import {
  freePort
} from "./chunk-SEVPFPOZ.js";
import {
  CollectorError
} from "./chunk-TPY7VXDW.js";
import "./chunk-JPIEGBNI.js";

// src/gates/migrations/trace.ts
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
var MODE_NAMES = {
  AccessShareLock: "ACCESS SHARE",
  RowShareLock: "ROW SHARE",
  RowExclusiveLock: "ROW EXCLUSIVE",
  ShareUpdateExclusiveLock: "SHARE UPDATE EXCLUSIVE",
  ShareLock: "SHARE",
  ShareRowExclusiveLock: "SHARE ROW EXCLUSIVE",
  ExclusiveLock: "EXCLUSIVE",
  AccessExclusiveLock: "ACCESS EXCLUSIVE"
};
var RELKINDS = { r: "table", p: "partitioned_table", i: "index", I: "index", m: "materialized_view", S: "sequence", v: "view", f: "foreign_table", t: "toast" };
function findPostgresBin(explicit) {
  if (explicit) return existsSync(join(explicit, "initdb")) ? explicit : void 0;
  const base = "/usr/lib/postgresql";
  if (existsSync(base)) {
    const versions = readdirSync(base).filter((name) => /^\d+$/.test(name) && existsSync(join(base, name, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(base, versions[0], "bin");
  }
  const which = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" });
  const path = which.stdout.trim();
  return path ? path.replace(/\/initdb$/, "") : void 0;
}
function asServerUser(command, args) {
  return process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
}
function serverUserIds() {
  if (process.getuid?.() !== 0) return void 0;
  const uid = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (uid.status !== 0 || gid.status !== 0) {
    throw new CollectorError("trace mode runs PostgreSQL as the unprivileged user `postgres` when started as root, and there is no such user");
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}
async function startThrowawayPostgres(logger, postgresBin) {
  const bin = findPostgresBin(postgresBin);
  if (!bin) {
    throw new CollectorError(
      "trace mode needs PostgreSQL server binaries (initdb, postgres): install them (apt-get install postgresql), set trace.postgresBin, or give --trace-url"
    );
  }
  const directory = mkdtempSync(join(tmpdir(), "rg-trace-pg-"));
  const ids = serverUserIds();
  if (ids) chownSync(directory, ids.uid, ids.gid);
  const data = join(directory, "data");
  const [initdb, initArgs] = asServerUser(join(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  const init = spawnSync(initdb, initArgs, { encoding: "utf8", timeout: 12e4 });
  if (init.status !== 0) {
    rmSync(directory, { recursive: true, force: true });
    throw new CollectorError(`initdb for the trace server failed: ${(init.stderr || init.error?.message || "").trim().split("\n").slice(-3).join(" ")}`);
  }
  const port = await freePort();
  const settings = ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=10", "-c", "listen_addresses=127.0.0.1"];
  const [postgres, args] = asServerUser(join(bin, "postgres"), ["-D", data, "-p", String(port), "-k", directory, ...settings]);
  const child = spawn(postgres, args, { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr?.on("data", (chunk) => {
    log = (log + chunk.toString()).slice(-4e3);
  });
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const stop = async () => {
    const pidFile = join(data, "postmaster.pid");
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8").split("\n")[0]) : void 0;
    if (pid) {
      try {
        process.kill(pid, "SIGINT");
      } catch {
      }
    } else child.kill("SIGINT");
    await new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        resolve();
      }, 1e4);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
    });
    rmSync(directory, { recursive: true, force: true });
  };
  const started = performance.now();
  for (; ; ) {
    const client = new esm_default.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      break;
    } catch {
      await client.end().catch(() => void 0);
      if (child.exitCode !== null || performance.now() - started > 3e4) {
        await stop();
        throw new CollectorError(`the trace PostgreSQL did not start: ${log.trim().split("\n").slice(-3).join(" ")}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  logger.info(`migrations: trace server PostgreSQL from ${bin} on port ${port}`);
  return { url, stop };
}
var RELATIONS_SQL = `SELECT c.oid::text AS oid, CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END AS name,
  c.relkind::text AS kind, c.relfilenode::text AS filenode
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'm', 'i', 'I', 'S', 'v', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`;
var LOCKS_SQL = `SELECT c.oid::text AS oid, CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END AS name,
  c.relkind::text AS kind, l.mode
  FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted
    AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`;
async function relations(client) {
  const result = await client.query(RELATIONS_SQL);
  return new Map(result.rows.map((row) => [row.oid, row]));
}
async function heldLocks(client, existing) {
  const result = await client.query(LOCKS_SQL);
  const byRelation = /* @__PURE__ */ new Map();
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
var modeRank = (mode) => Object.values(MODE_NAMES).indexOf(mode);
function newlyHeld(after, before) {
  return after.filter((lock) => {
    const previous = before.find((held) => held.relation === lock.relation);
    return !previous || modeRank(lock.mode) > modeRank(previous.mode);
  });
}
var quoteIdent = (name) => `"${name.replace(/"/g, '""')}"`;
async function seed(client, table, rows, logger) {
  const [schema, name] = table.includes(".") ? table.split(".", 2) : ["public", table];
  const columns = await client.query(
    `SELECT a.attname AS name, format_type(a.atttypid, NULL) AS type, a.atttypmod AS typmod, a.attnotnull AS notnull,
       (a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '') AS skip,
       EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'f' AND a.attnum = ANY (k.conkey)) AS fk,
       CASE WHEN t.typtype = 'e' THEN format_type(a.atttypid, NULL) END AS enum_type
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid
     WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [schema, name]
  );
  if (columns.rows.length === 0) return;
  const qualified = `${quoteIdent(schema)}.${quoteIdent(name)}`;
  const count = await client.query(`SELECT count(*)::text AS n FROM ${qualified}`);
  if (Number(count.rows[0]?.n ?? 0) > 0) return;
  const targets = [];
  const values = [];
  for (const column of columns.rows) {
    if (column.skip) continue;
    let value = generated(column.type, column.typmod, column.enum_type);
    if (column.fk || value === void 0) {
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
    logger.debug(`trace: not seeding ${table}: ${error.message}`);
  }
}
function generated(type, typmod, enumType) {
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
      return void 0;
  }
}
function isTransactionControl(sql) {
  const match = /^\s*(BEGIN|START\s+TRANSACTION|COMMIT|END|ROLLBACK|ABORT)\b/i.exec(sql);
  return match?.[1]?.toUpperCase().replace(/\s+.*/, "");
}
async function traceMigrations(files, options, logger) {
  const server = options.url ? void 0 : await startThrowawayPostgres(logger, options.postgresBin);
  const baseUrl = options.url ?? server?.url ?? "";
  const admin = new esm_default.Client({ connectionString: baseUrl });
  const database = `rg_trace_${randomBytes(4).toString("hex")}`;
  let created = false;
  const traces = /* @__PURE__ */ new Map();
  try {
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${database} TEMPLATE template0 ENCODING 'UTF8'`);
      created = true;
    } catch (error) {
      if (!options.url) throw error;
      logger.warn(`trace: cannot create a scratch database (${error.message}); tracing in the database of --trace-url itself`);
    }
    const url = new URL(baseUrl);
    if (created) url.pathname = `/${database}`;
    const client = new esm_default.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      for (const file of files) {
        if (!file.judged) {
          for (const [index, sql] of file.statements.entries()) {
            try {
              await client.query(sql);
            } catch (error) {
              throw new CollectorError(`trace: replaying ${file.shown} failed at statement ${index + 1}: ${error.message}`, { file: file.shown, line: 1 });
            }
          }
          continue;
        }
        traces.set(file.shown, await traceFile(client, file, options.rows ?? 1e3, logger));
      }
    } finally {
      await client.end().catch(() => void 0);
    }
  } finally {
    if (created) await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => void 0);
    await admin.end().catch(() => void 0);
    await server?.stop();
  }
  return traces;
}
async function traceFile(client, file, rows, logger) {
  await client.query("BEGIN");
  for (const table of file.touched) await seed(client, table, rows, logger);
  await client.query("COMMIT");
  const before = await relations(client);
  const existing = new Set([...before.values()].filter((r) => r.kind !== "S").map((r) => r.oid));
  const traces = [];
  let explicit = false;
  let aborted;
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
    let error;
    try {
      await client.query(sql);
    } catch (thrown) {
      error = thrown.message;
    }
    const duration = Math.round((performance.now() - started) * 10) / 10;
    if (control === "BEGIN" || control === "START") explicit = true;
    if (control === "COMMIT" || control === "END" || control === "ROLLBACK" || control === "ABORT") explicit = false;
    if (error) {
      await client.query("ROLLBACK").catch(() => void 0);
      if (own && /cannot (run|be executed) inside a transaction block/.test(error)) {
        const retried = performance.now();
        try {
          await client.query(sql);
          traces.push({ locks: null, rewritten: [], duration_ms: Math.round((performance.now() - retried) * 10) / 10 });
        } catch (again) {
          traces.push({ locks: null, rewritten: [], duration_ms: 0, error: again.message });
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
    const locks = stillInTransaction && !control ? newlyHeld(await heldLocks(client, existing), heldBefore) : null;
    const after = stillInTransaction ? await relations(client) : /* @__PURE__ */ new Map();
    const rewritten = [...after.values()].filter((r) => existing.has(r.oid) && r.kind !== "i" && r.kind !== "I" && filenodes.get(r.oid) && filenodes.get(r.oid)?.filenode !== r.filenode).map((r) => r.name);
    traces.push({ locks, rewritten, duration_ms: duration });
    if (own) await client.query("COMMIT");
  }
  if (file.transaction === "per-file" || explicit) await client.query("COMMIT").catch(() => client.query("ROLLBACK"));
  return traces;
}
export {
  MODE_NAMES,
  findPostgresBin,
  startThrowawayPostgres,
  traceMigrations
};
