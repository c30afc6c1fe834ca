import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));
import {
  connectFailure,
  connectTimeoutSeconds,
  esm_default
} from "./chunk-PPKNISMU.js";
import {
  childEnv,
  freePort
} from "./chunk-WWQ44ZA7.js";
import {
  redactUrl
} from "./chunk-S2KBQMLG.js";
import {
  CollectorError,
  ConfigurationError
} from "./chunk-2GHCG2EG.js";
import "./chunk-JPIEGBNI.js";

// src/gates/migrations/trace.ts
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
var BOOKKEEPING = {
  "golang-migrate": {
    create: "CREATE TABLE IF NOT EXISTS schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)",
    record: "WITH gone AS (DELETE FROM schema_migrations) INSERT INTO schema_migrations (version, dirty) SELECT v::bigint, false FROM (SELECT $1::text AS v) x WHERE v ~ '^[0-9]{1,18}$'"
  },
  diesel: {
    create: "CREATE TABLE IF NOT EXISTS __diesel_schema_migrations (version VARCHAR(50) PRIMARY KEY NOT NULL, run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)",
    record: "INSERT INTO __diesel_schema_migrations (version) VALUES (left($1, 50)) ON CONFLICT DO NOTHING"
  },
  prisma: {
    create: `CREATE TABLE IF NOT EXISTS _prisma_migrations (id VARCHAR(36) PRIMARY KEY NOT NULL, checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ,
      migration_name VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at TIMESTAMPTZ, started_at TIMESTAMPTZ NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL DEFAULT 0)`,
    record: "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (md5($2), md5($2), now(), left($1, 255), 1)"
  },
  flyway: {
    create: `CREATE TABLE IF NOT EXISTS flyway_schema_history (installed_rank INT NOT NULL, version VARCHAR(50), description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL,
      script VARCHAR(1000) NOT NULL, checksum INT, installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT now(), execution_time INT NOT NULL,
      success BOOLEAN NOT NULL, CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank));
      CREATE INDEX IF NOT EXISTS flyway_schema_history_s_idx ON flyway_schema_history (success)`,
    record: `INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, installed_by, execution_time, success)
      SELECT coalesce(max(installed_rank), 0) + 1, left($1, 50), 'migration', 'SQL', left($2, 1000), current_user, 0, true FROM flyway_schema_history`
  },
  "node-pg-migrate": {
    create: "CREATE TABLE IF NOT EXISTS pgmigrations (id SERIAL PRIMARY KEY, name varchar(255) NOT NULL, run_on timestamp NOT NULL)",
    record: "INSERT INTO pgmigrations (name, run_on) VALUES (left($1, 255), now())"
  },
  rails: {
    create: `CREATE TABLE IF NOT EXISTS schema_migrations (version character varying PRIMARY KEY);
      CREATE TABLE IF NOT EXISTS ar_internal_metadata (key character varying PRIMARY KEY, value character varying, created_at timestamp(6) NOT NULL, updated_at timestamp(6) NOT NULL)`,
    record: "INSERT INTO schema_migrations (version) VALUES ($1) ON CONFLICT DO NOTHING"
  }
};
BOOKKEEPING["golang-migrate-multi-statement"] = BOOKKEEPING["golang-migrate"];
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
  const which = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8", env: childEnv() });
  const path = which.stdout.trim();
  return path ? path.replace(/\/initdb$/, "") : void 0;
}
function asServerUser(command, args) {
  return process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
}
function serverUserIds() {
  if (process.getuid?.() !== 0) return void 0;
  const uid = spawnSync("id", ["-u", "postgres"], { encoding: "utf8", env: childEnv() });
  const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8", env: childEnv() });
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
  const init = spawnSync(initdb, initArgs, { encoding: "utf8", timeout: 12e4, env: childEnv() });
  if (init.status !== 0) {
    rmSync(directory, { recursive: true, force: true });
    throw new CollectorError(`initdb for the trace server failed: ${(init.stderr || init.error?.message || "").trim().split("\n").slice(-3).join(" ")}`);
  }
  const port = await freePort();
  const settings = ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=10", "-c", "listen_addresses=127.0.0.1"];
  const [postgres, args] = asServerUser(join(bin, "postgres"), ["-D", data, "-p", String(port), "-k", directory, ...settings]);
  const child = spawn(postgres, args, { stdio: ["ignore", "ignore", "pipe"], env: childEnv() });
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
    const client = new esm_default.Client({ connectionString: url, connectionTimeoutMillis: 2e3 });
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
async function connectTrace(url, shown) {
  const limit = connectTimeoutSeconds();
  const client = new esm_default.Client({ connectionString: url, connectionTimeoutMillis: limit * 1e3 });
  client.on("error", () => void 0);
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => void 0);
    throw new ConfigurationError(`trace: cannot connect to ${shown} (${redactUrl(url)}): ${connectFailure(error, limit)}`);
  }
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
async function heldLocks(client, existing, names) {
  const result = await client.query(LOCKS_SQL);
  const byRelation = /* @__PURE__ */ new Map();
  for (const row of result.rows) {
    const mode = MODE_NAMES[row.mode];
    if (!mode) continue;
    const previous = byRelation.get(row.oid);
    if (!previous || modeRank(mode) > modeRank(previous.mode)) {
      byRelation.set(row.oid, { relation: names.get(row.oid)?.name ?? row.name, oid: row.oid, kind: RELKINDS[row.kind] ?? "other", mode, existing: existing.has(row.oid) });
    }
  }
  return [...byRelation.values()].sort((a, b) => a.relation.localeCompare(b.relation));
}
var modeRank = (mode) => Object.values(MODE_NAMES).indexOf(mode);
function newlyHeld(after, before) {
  return after.filter((lock) => {
    const previous = before.find((held) => held.oid === lock.oid);
    return !previous || modeRank(lock.mode) > modeRank(previous.mode);
  });
}
var quoteIdent = (name) => `"${name.replace(/"/g, '""')}"`;
async function seed(client, table, rows, logger) {
  const [schema, name] = table.includes(".") ? table.split(".", 2) : ["public", table];
  const columns = await client.query(
    `SELECT c.oid::text AS oid, a.attname AS name, format_type(a.atttypid, NULL) AS type, a.atttypmod AS typmod, a.attnotnull AS notnull,
       (a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '') AS skip,
       EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'f' AND a.attnum = ANY (k.conkey)) AS fk,
       CASE WHEN t.typtype = 'e' THEN format_type(a.atttypid, NULL) END AS enum_type
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid
     WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [schema, name]
  );
  const oid = columns.rows[0]?.oid;
  if (oid === void 0) return void 0;
  const qualified = `${quoteIdent(schema)}.${quoteIdent(name)}`;
  const count = await client.query(`SELECT count(*)::text AS n FROM ${qualified}`);
  if (Number(count.rows[0]?.n ?? 0) > 0) return void 0;
  const targets = [];
  const values = [];
  for (const column of columns.rows) {
    if (column.skip) continue;
    let value = generated(column.type, column.typmod, column.enum_type);
    if (column.fk || value === void 0) {
      if (column.notnull) {
        logger.debug(`trace: not seeding ${table}: cannot generate ${column.name} ${column.type}`);
        return void 0;
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
    return oid;
  } catch (error) {
    await client.query("ROLLBACK TO SAVEPOINT rg_seed");
    logger.debug(`trace: not seeding ${table}: ${error.message}`);
    return void 0;
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
async function traceMigrations(files, options, logger, bookkeeping) {
  const server = options.url ? void 0 : await startThrowawayPostgres(logger, options.postgresBin);
  const baseUrl = options.url ?? server?.url ?? "";
  const shown = options.url ? "the --trace-url server" : "the trace's throwaway server";
  const database = `rg_trace_${randomBytes(4).toString("hex")}`;
  let created = false;
  const traces = /* @__PURE__ */ new Map();
  let replayFailures = 0;
  let admin;
  try {
    admin = await connectTrace(baseUrl, shown);
  } catch (error) {
    await server?.stop();
    throw error;
  }
  try {
    try {
      await admin.query(`CREATE DATABASE ${database} TEMPLATE template0 ENCODING 'UTF8'`);
      created = true;
    } catch (error) {
      if (!options.url) throw error;
      logger.warn(`trace: cannot create a scratch database (${error.message}); tracing in the database of --trace-url itself`);
    }
    const url = new URL(baseUrl);
    if (created) url.pathname = `/${database}`;
    const client = await connectTrace(url.toString(), shown);
    client.on("notice", () => void 0);
    try {
      if (bookkeeping) await client.query(bookkeeping.create);
      for (const file of files) {
        if (file.judged) traces.set(file.shown, await traceFile(client, file, options.rows ?? 1e3, logger));
        else {
          const failed = await replay(client, file.statements);
          if (failed) {
            replayFailures++;
            logger.warn(`trace: replaying ${file.shown}: statement ${failed.index + 1} failed (${failed.error}); its other statements were replayed one by one`);
          }
        }
        if (bookkeeping?.record) await client.query(bookkeeping.record, [file.version ?? file.shown, file.shown]).catch(() => void 0);
      }
    } finally {
      await client.end().catch(() => void 0);
    }
  } finally {
    if (created) await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => void 0);
    await admin.end().catch(() => void 0);
    await server?.stop();
  }
  return { traces, replayFailures };
}
async function replay(client, statements) {
  let first;
  for (const [index, sql] of statements.entries()) {
    try {
      await client.query(sql);
    } catch (error) {
      first ??= { index, error: error.message };
      await client.query("ROLLBACK").catch(() => void 0);
    }
  }
  await client.query("ROLLBACK").catch(() => void 0);
  return first;
}
async function failingValue(client, error, seeded) {
  const message = error instanceof Error ? error.message : String(error);
  const detail = error.detail;
  const quoted = /: "((?:[^"]|"")*)"$/.exec(message)?.[1] ?? (typeof detail === "string" ? /Token "([^"]*)"/.exec(detail)?.[1] ?? /=\((.*)\) /.exec(detail)?.[1] : void 0);
  if (quoted !== void 0) return `'${quoted}'`;
  for (const table of seeded) {
    const name = await relationName(client, table.oid);
    if (!name) continue;
    const row = await client.query(`SELECT row_to_json(r)::text AS row FROM ${name} r LIMIT 1`).catch(() => void 0);
    if (row?.rows[0]) return `a seeded row of ${table.table}: ${row.rows[0].row.slice(0, 200)}`;
  }
  return "unknown";
}
async function relationName(client, oid) {
  const result = await client.query("SELECT oid::regclass::text AS name FROM pg_class WHERE oid = $1::oid", [oid]);
  return result.rows[0]?.name;
}
async function unseed(client, seeded) {
  for (const table of seeded.splice(0)) {
    const name = await relationName(client, table.oid);
    if (name) await client.query(`DELETE FROM ${name}`).catch(() => void 0);
  }
}
var rounded = (ms) => Math.round(ms * 10) / 10;
async function traceStatement(run, index) {
  const { client, file, existing } = run;
  const sql = file.statements[index];
  const control = isTransactionControl(sql);
  const inTransaction = file.transaction === "per-file" || run.explicit;
  if (!inTransaction) run.transactionStart = index;
  const own = !inTransaction && !control;
  if (own) await client.query("BEGIN");
  const before = await relations(client);
  const heldBefore = inTransaction ? await heldLocks(client, existing, before) : [];
  const started = performance.now();
  let failure;
  try {
    await client.query(sql);
  } catch (thrown) {
    failure = thrown;
  }
  const duration = rounded(performance.now() - started);
  if (control === "BEGIN" || control === "START") run.explicit = true;
  if (control === "COMMIT" || control === "END" || control === "ROLLBACK" || control === "ABORT") {
    run.explicit = false;
    if (file.transaction === "per-file") run.transactionStart = index + 1;
  }
  if (failure !== void 0) {
    await client.query("ROLLBACK").catch(() => void 0);
    const message = failure.message;
    if (own && /cannot (run|be executed) inside a transaction block/.test(message)) {
      const retried = performance.now();
      try {
        await client.query(sql);
        return { trace: { locks: null, rewritten: [], duration_ms: rounded(performance.now() - retried) } };
      } catch (again) {
        return { trace: { locks: null, rewritten: [], duration_ms: 0, error: again.message }, failed: again };
      }
    }
    run.explicit = false;
    return { trace: { locks: null, rewritten: [], duration_ms: duration, error: message }, failed: failure };
  }
  const stillInTransaction = file.transaction === "per-file" || run.explicit || own;
  const locks = stillInTransaction && !control ? newlyHeld(await heldLocks(client, existing, before), heldBefore) : null;
  const after = stillInTransaction ? await relations(client) : /* @__PURE__ */ new Map();
  const rewritten = [...after.values()].filter((r) => existing.has(r.oid) && r.kind !== "i" && r.kind !== "I" && before.get(r.oid) && before.get(r.oid)?.filenode !== r.filenode).map((r) => before.get(r.oid)?.name ?? r.name);
  if (own) await client.query("COMMIT");
  return { trace: { locks, rewritten, duration_ms: duration } };
}
async function rerun(run, from, to) {
  if (run.file.transaction === "per-file" || from < to) await run.client.query("BEGIN");
  run.explicit = run.file.transaction !== "per-file" && from < to;
  for (let index = from; index < to; index++) {
    const sql = run.file.statements[index];
    if (!isTransactionControl(sql)) await run.client.query(sql);
  }
}
async function traceFile(client, file, rows, logger) {
  await client.query("BEGIN");
  const seeded = [];
  for (const table of file.touched) {
    const oid = await seed(client, table, rows, logger);
    if (oid) seeded.push({ oid, table });
  }
  await client.query("COMMIT");
  const existing = new Set([...(await relations(client)).values()].filter((r) => r.kind !== "S").map((r) => r.oid));
  const traces = [];
  const run = { client, file, existing, explicit: false, transactionStart: 0 };
  if (file.transaction === "per-file") await client.query("BEGIN");
  for (let index = 0; index < file.statements.length; index++) {
    const { trace, failed } = await traceStatement(run, index);
    if (failed === void 0) {
      traces.push(trace);
      continue;
    }
    const start = run.transactionStart;
    if (seeded.length > 0) {
      const value = await failingValue(client, failed, seeded);
      await unseed(client, seeded);
      const again = await rerun(run, start, index).then(
        () => traceStatement(run, index),
        (error) => ({ trace, failed: error })
      );
      if (again.failed === void 0) {
        traces.push({ ...again.trace, data_dependent: { error: trace.error ?? "", value } });
        logger.info(`trace: ${file.shown} statement ${index + 1} failed on the seeded rows (value ${value}) and ran on the empty tables`);
        continue;
      }
      await client.query("ROLLBACK").catch(() => void 0);
    }
    traces.push(trace);
    await replay(client, [...file.statements.slice(start, index), ...file.statements.slice(index + 1)].filter((sql) => !isTransactionControl(sql)));
    const reason = `not traced: statement ${index + 1} of this file failed on a real PostgreSQL, so the rest of the file was only replayed (on empty tables) to keep the schema the later files expect`;
    for (let rest = index + 1; rest < file.statements.length; rest++) traces.push({ locks: null, rewritten: [], duration_ms: 0, skipped: reason });
    return traces;
  }
  if (file.transaction === "per-file" || run.explicit) await client.query("COMMIT").catch(() => client.query("ROLLBACK"));
  return traces;
}
export {
  BOOKKEEPING,
  MODE_NAMES,
  findPostgresBin,
  startThrowawayPostgres,
  traceMigrations
};
