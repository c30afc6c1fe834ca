// Trace mode against a real, throwaway PostgreSQL: the lock level of every lock-taking statement the
// rules reason about, checked against pg_locks, and the trace facts feeding the policies end to end.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/engine/logger.js";
import { runGates } from "../../src/engine/run.js";
import { CONTEXT_EXECUTION, FileAnalyzer } from "../../src/gates/migrations/facts.js";
import { runnerExecution } from "../../src/gates/migrations/runners.js";
import type { TableLock } from "../../src/gates/migrations/locks.js";
import { SchemaState } from "../../src/gates/migrations/schema.js";
import { findPostgresBin, MODE_NAMES, startThrowawayPostgres, type Server } from "../../src/gates/migrations/trace.js";
import { loadSqlParser, parseSql } from "../../src/sources/sql.js";
import { inCi } from "../support/ci.js";
import { migrationsBundle } from "./support.js";

const bin = findPostgresBin(process.env.PG_BIN);
if (!bin && inCi) {
  throw new Error("trace tests need PostgreSQL server binaries (initdb, postgres); install them with `bash scripts/bootstrap.sh postgres` or set PG_BIN");
}
const suite = bin ? describe : describe.skip;

let server: Server | undefined;
let client: pg.Client;

beforeAll(async () => {
  if (!bin) return;
  await loadSqlParser();
  server = await startThrowawayPostgres(silentLogger, bin);
  client = new pg.Client({ connectionString: server.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end().catch(() => undefined);
  await server?.stop();
});

const SETUP = `
CREATE TABLE u (id bigint PRIMARY KEY);
CREATE TABLE t (id bigint PRIMARY KEY, u_id bigint, name varchar(20), n integer, c text);
INSERT INTO u SELECT g FROM generate_series(1, 100) g;
INSERT INTO t SELECT g, g, 'n' || g, g, 'c' FROM generate_series(1, 100) g;
CREATE INDEX t_n_idx ON t (n);
ALTER TABLE t ADD CONSTRAINT t_n_check CHECK (n > 0) NOT VALID;
CREATE MATERIALIZED VIEW m AS SELECT id FROM t;
CREATE UNIQUE INDEX m_id_idx ON m (id);
CREATE TABLE p (id bigint, at date) PARTITION BY RANGE (at);
CREATE TABLE p_2020 PARTITION OF p FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE TABLE p_2021 (id bigint, at date);
CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
`;

/** Statement → the table whose lock the rules reason about. */
const CASES: [string, string][] = [
  ["ALTER TABLE t ADD COLUMN x text", "t"],
  ["ALTER TABLE t ADD COLUMN x double precision DEFAULT random()", "t"],
  ["ALTER TABLE t ADD COLUMN x bigint GENERATED ALWAYS AS IDENTITY", "t"],
  ["ALTER TABLE t ALTER COLUMN n TYPE bigint", "t"],
  ["ALTER TABLE t ALTER COLUMN name TYPE varchar(40)", "t"],
  ["ALTER TABLE t ALTER COLUMN c SET NOT NULL", "t"],
  ["ALTER TABLE t ALTER COLUMN c DROP NOT NULL", "t"],
  ["ALTER TABLE t ALTER COLUMN c SET DEFAULT 'x'", "t"],
  ["ALTER TABLE t ADD CONSTRAINT t_c_check CHECK (c <> '')", "t"],
  ["ALTER TABLE t ADD CONSTRAINT t_c_check CHECK (c <> '') NOT VALID", "t"],
  ["ALTER TABLE t VALIDATE CONSTRAINT t_n_check", "t"],
  ["ALTER TABLE t ADD CONSTRAINT t_u_fkey FOREIGN KEY (u_id) REFERENCES u (id)", "t"],
  ["ALTER TABLE t ADD CONSTRAINT t_u_fkey FOREIGN KEY (u_id) REFERENCES u (id)", "u"],
  ["ALTER TABLE t ADD CONSTRAINT t_u_fkey FOREIGN KEY (u_id) REFERENCES u (id) NOT VALID", "t"],
  ["ALTER TABLE t ADD CONSTRAINT t_name_key UNIQUE (name)", "t"],
  ["ALTER TABLE t ADD CONSTRAINT t_no_overlap EXCLUDE USING btree (n WITH =)", "t"],
  ["ALTER TABLE t DROP COLUMN c", "t"],
  ["ALTER TABLE t RENAME COLUMN c TO d", "t"],
  ["ALTER TABLE t RENAME TO t2", "t"],
  ["ALTER TABLE t SET UNLOGGED", "t"],
  ["ALTER TABLE t SET (fillfactor = 70)", "t"],
  ["ALTER TABLE t ALTER COLUMN n SET STATISTICS 500", "t"],
  ["ALTER TABLE t DISABLE TRIGGER ALL", "t"],
  ["ALTER TABLE p DETACH PARTITION p_2020", "p"],
  ["ALTER TABLE p DETACH PARTITION p_2020", "p_2020"],
  ["ALTER TABLE p ATTACH PARTITION p_2021 FOR VALUES FROM ('2021-01-01') TO ('2022-01-01')", "p"],
  ["CREATE INDEX t_c_idx ON t (c)", "t"],
  ["DROP INDEX t_n_idx", "t"],
  ["REINDEX INDEX t_n_idx", "t"],
  ["REINDEX TABLE t", "t"],
  ["TRUNCATE t", "t"],
  ["DROP TABLE p_2021", "p_2021"],
  ["UPDATE t SET c = 'y' WHERE id < 10", "t"],
  ["DELETE FROM t WHERE id < 10", "t"],
  ["CLUSTER t USING t_pkey", "t"],
  ["REFRESH MATERIALIZED VIEW m", "m"],
  ["REFRESH MATERIALIZED VIEW CONCURRENTLY m", "m"],
  ["CREATE TRIGGER t_noop BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION noop()", "t"],
  ["LOCK TABLE t IN SHARE MODE", "t"],
  ["CREATE TABLE v (id bigint PRIMARY KEY, u_id bigint REFERENCES u (id))", "u"],
];

const ORDER: string[] = Object.values(MODE_NAMES);

/** The gate's prediction: the setup replayed as an earlier migration, the statement judged. */
function predicted(statement: string, table: string): string | undefined {
  const schema = new SchemaState();
  const connection = { lockTimeoutMs: null, statementTimeoutMs: null };
  const setup = parseSql(SETUP, "setup.sql");
  const context = new FileAnalyzer(schema, setup.source, CONTEXT_EXECUTION, connection);
  for (const s of setup.statements) context.analyze(s);
  const parsed = parseSql(statement, "m.sql");
  const facts = new FileAnalyzer(schema, parsed.source, runnerExecution("plain"), connection, 1).analyze(parsed.statements[0] as never);
  return (facts.locks as TableLock[]).find((lock) => lock.id === `public.${table}`)?.mode;
}

/** What PostgreSQL does: the strongest lock the session holds on the table right after the statement. */
async function observed(statement: string, table: string): Promise<string | undefined> {
  await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
  await client.query(SETUP);
  // The oid before the statement: a rename or drop makes the name unresolvable afterwards.
  const oid = (await client.query<{ oid: string }>("SELECT $1::regclass::oid::text AS oid", [`public.${table}`])).rows[0]?.oid;
  await client.query("BEGIN");
  try {
    await client.query(statement);
    const result = await client.query<{ mode: string }>(
      "SELECT l.mode FROM pg_locks l WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.relation = $1::oid",
      [oid],
    );
    return result.rows.map((row) => MODE_NAMES[row.mode] ?? row.mode).sort((a, b) => ORDER.indexOf(b) - ORDER.indexOf(a))[0];
  } finally {
    await client.query("ROLLBACK");
  }
}

suite("lock levels predicted by the gate, checked on a real PostgreSQL", () => {
  it.each(CASES)("%s locks %s", async (statement, table) => {
    const real = await observed(statement, table);
    expect(real).toBeDefined();
    expect(predicted(statement, table)).toBe(real);
  });
});

suite("trace mode through the collector and the policies", () => {
  const scratch: string[] = [];
  afterAll(() => {
    for (const directory of scratch) rmSync(directory, { recursive: true, force: true });
  });

  it("observes locks, rewrites and failures the static rules cannot see", async () => {
    const root = mkdtempSync(join(tmpdir(), "rg-mig-trace-"));
    scratch.push(root);
    mkdirSync(join(root, ".git"));
    mkdirSync(join(root, "db"));
    writeFileSync(join(root, "db", "V1__users.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL, age integer);\n");
    writeFileSync(
      join(root, "db", "V2__dynamic.sql"),
      [
        "SET statement_timeout = '1min';",
        "-- resilience-gates-rollback: drop the column",
        "DO $$ BEGIN EXECUTE 'ALTER TABLE users ADD COLUMN score double precision DEFAULT random()'; END $$;",
        "ALTER TABLE users ADD COLUMN plan text NOT NULL;",
        "",
      ].join("\n"),
    );
    const report = await runGates(
      {
        config: { workspace: { root, base: root }, gates: {}, policies: [], rules: {} },
        gates: [["migrations", { files: ["db/*.sql"], trace: { url: server?.url, rows: 200 } }]],
        now: new Date("2026-11-01T00:00:00Z"),
        logger: silentLogger,
      },
      await migrationsBundle(),
    );
    const result = report.gates[0];
    expect(result?.error).toBeUndefined();
    const found = (result?.findings ?? []).map((f) => `${f.rule}@${f.location?.file}:${f.location?.line}`);
    // The DO block: no static rule sees inside it, the trace saw ACCESS EXCLUSIVE and a rewrite.
    expect(found).toEqual(
      expect.arrayContaining([
        "MIG-022@db/V2__dynamic.sql:3",
        "MIG-060@db/V2__dynamic.sql:3",
        "MIG-061@db/V2__dynamic.sql:3",
        "MIG-004@db/V2__dynamic.sql:4",
        "MIG-062@db/V2__dynamic.sql:4",
      ]),
    );
    const failure = result?.findings.find((f) => f.rule === "MIG-062");
    expect(failure?.message).toMatch(/column "plan" of relation "users" contains null values/);
    expect(result?.stats).toMatchObject({ tracedStatements: 4, observedRewrites: 1 });
  });
});
