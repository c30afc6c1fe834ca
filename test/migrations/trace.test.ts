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
CREATE FUNCTION audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER u_audit AFTER INSERT ON u FOR EACH ROW EXECUTE FUNCTION audit();
CREATE TABLE w (id bigint PRIMARY KEY, u_id bigint REFERENCES u (id), at timestamp, note varchar(10));
CREATE INDEX w_at_idx ON w (at);
CREATE POLICY w_own ON w USING (true);
CREATE RULE w_noop AS ON UPDATE TO w DO ALSO NOTHING;
CREATE VIEW wv AS SELECT id FROM w;
CREATE STATISTICS w_stats ON id, u_id FROM w;
CREATE SEQUENCE s;
CREATE TYPE mood AS ENUM ('a', 'b');
CREATE TABLE x (id bigint, u_id bigint REFERENCES u (id));
CREATE UNIQUE INDEX t_name_uidx ON t (name);
CREATE SCHEMA other;
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
  // The rest of the statement types the parser knows that lock an existing relation (the audit of
  // locks.ts against PostgreSQL's documentation, each held to pg_locks).
  ["ALTER TABLE t ALTER COLUMN c DROP DEFAULT", "t"],
  ["ALTER TABLE t ALTER COLUMN c SET STORAGE EXTERNAL", "t"],
  ["ALTER TABLE t ALTER COLUMN c SET COMPRESSION pglz", "t"],
  ["ALTER TABLE t ALTER COLUMN n SET (n_distinct = 10)", "t"],
  ["ALTER TABLE t ALTER COLUMN n RESET (n_distinct)", "t"],
  ["ALTER TABLE t ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY", "t"],
  ["ALTER TABLE t RESET (fillfactor)", "t"],
  ["ALTER TABLE t SET (autovacuum_enabled = false)", "t"],
  ["ALTER TABLE t CLUSTER ON t_pkey", "t"],
  ["ALTER TABLE t SET WITHOUT CLUSTER", "t"],
  ["ALTER TABLE t ENABLE ROW LEVEL SECURITY", "t"],
  ["ALTER TABLE t REPLICA IDENTITY FULL", "t"],
  ["ALTER TABLE t OWNER TO postgres", "t"],
  ["ALTER TABLE t SET SCHEMA other", "t"],
  ["ALTER TABLE t SET LOGGED", "t"],
  ["ALTER TABLE t DROP CONSTRAINT t_n_check", "t"],
  ["ALTER TABLE w DROP CONSTRAINT w_u_id_fkey", "u"],
  ["ALTER TABLE w DROP CONSTRAINT w_u_id_fkey", "w"],
  ["ALTER TABLE t RENAME CONSTRAINT t_n_check TO t_n_positive", "t"],
  ["ALTER TABLE t ADD CONSTRAINT t_name_key UNIQUE USING INDEX t_name_uidx", "t"],
  ["ALTER TABLE w ALTER COLUMN at TYPE timestamptz", "w"],
  ["ALTER TABLE w ALTER COLUMN note TYPE text", "w"],
  ["ALTER TABLE t ENABLE TRIGGER USER", "t"],
  ["ALTER TABLE w DISABLE RULE w_noop", "w"],
  ["ALTER INDEX t_n_idx RENAME TO t_n_index", "t"],
  ["ALTER INDEX t_n_idx SET (fillfactor = 70)", "t"],
  ["ALTER TRIGGER u_audit ON u RENAME TO u_audit2", "u"],
  ["CREATE OR REPLACE TRIGGER u_audit AFTER INSERT ON u FOR EACH ROW EXECUTE FUNCTION noop()", "u"],
  ["DROP TRIGGER u_audit ON u", "u"],
  ["DROP FUNCTION audit() CASCADE", "u"],
  ["CREATE POLICY t_own ON t USING (true)", "t"],
  ["ALTER POLICY w_own ON w USING (false)", "w"],
  ["DROP POLICY w_own ON w", "w"],
  ["CREATE RULE t_noop AS ON UPDATE TO t DO ALSO NOTHING", "t"],
  ["DROP RULE w_noop ON w", "w"],
  ["CREATE VIEW tv AS SELECT id FROM t", "t"],
  ["DROP VIEW wv", "w"],
  ["DROP VIEW wv", "wv"],
  ["CREATE MATERIALIZED VIEW tm AS SELECT id FROM t", "t"],
  ["DROP MATERIALIZED VIEW m", "m"],
  ["COMMENT ON TABLE t IS 'x'", "t"],
  ["COMMENT ON COLUMN t.c IS 'x'", "t"],
  ["GRANT SELECT ON t TO public", "t"],
  ["REVOKE SELECT ON t FROM public", "t"],
  ["CREATE STATISTICS t_stats ON id, n FROM t", "t"],
  ["ALTER STATISTICS w_stats SET STATISTICS 100", "w"],
  ["DROP STATISTICS w_stats", "w"],
  ["ANALYZE t", "t"],
  ["DROP TABLE x", "u"],
  ["DROP TABLE x", "x"],
  ["ALTER POLICY w_own ON w RENAME TO w_mine", "w"],
  ["ALTER SEQUENCE s RESTART", "s"],
  ["DROP SEQUENCE s", "s"],
  ["INSERT INTO t (id) VALUES (1000)", "t"],
  ["SELECT * FROM t FOR UPDATE", "t"],
  ["CREATE TABLE p_2022 PARTITION OF p FOR VALUES FROM ('2022-01-01') TO ('2023-01-01')", "p"],
  ["ALTER TABLE t INHERIT u", "u"],
  ["ALTER TABLE t INHERIT u", "t"],
  ["ALTER TABLE t ALTER COLUMN c SET STATISTICS 100", "t"],
  ["ALTER TYPE mood RENAME VALUE 'a' TO 'c'", "t"],
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
  await client.query("DROP SCHEMA IF EXISTS other CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
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

/** Locks that block nothing the application does (ACCESS SHARE, ROW SHARE) are not modelled. */
const modelled = (mode: string | undefined) => (mode && ORDER.indexOf(mode) >= ORDER.indexOf("ROW EXCLUSIVE") ? mode : undefined);

suite("lock levels predicted by the gate, checked on a real PostgreSQL", () => {
  it.each(CASES)("%s locks %s", async (statement, table) => {
    const real = modelled(await observed(statement, table));
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
        "MIG-063@db/V2__dynamic.sql:4",
      ]),
    );
    // NOT NULL without a default fails on the seeded rows only: it depends on the data (MIG-004 blocks it statically).
    const failure = result?.findings.find((f) => f.rule === "MIG-063");
    expect(failure?.message).toMatch(/failed on the seeded rows \(value a seeded row of public\.users: \{"id":1,.*column "plan" of relation "users" contains null values\)/);
    expect(found).not.toContain("MIG-062@db/V2__dynamic.sql:4");
    expect(result?.stats).toMatchObject({ tracedStatements: 4, observedRewrites: 1 });
  });

  /** Runs the gate in trace mode on files written into a new workspace. */
  async function traced(files: Record<string, string>, options: Record<string, unknown> = {}) {
    const root = mkdtempSync(join(tmpdir(), "rg-mig-trace-"));
    scratch.push(root);
    mkdirSync(join(root, ".git"));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(root, name, ".."), { recursive: true });
      writeFileSync(join(root, name), text);
    }
    const report = await runGates(
      {
        config: { workspace: { root, base: root }, gates: {}, policies: [], rules: {} },
        gates: [["migrations", { files: ["db/**/*.sql"], trace: { url: server?.url, rows: 50 }, requireRollbackPlan: false, requireStatementTimeout: false, ...options }]],
        now: new Date("2026-11-01T00:00:00Z"),
        logger: silentLogger,
      },
      await migrationsBundle(),
    );
    const result = report.gates[0];
    if (!result) throw new Error("no result");
    expect(result.error).toBeUndefined();
    return { result, found: result.findings.map((f) => `${f.rule}@${f.location?.file}:${f.location?.line}`) };
  }

  it("a cast that fails only on the invented rows is a data dependence with the value, never a block", async () => {
    const variants = [
      // text → jsonb over generated text; per-file transaction, the statement in the middle of the file
      { "db/V1__docs.sql": "CREATE TABLE docs (id bigint PRIMARY KEY, body text);\n", "db/V2__json.sql": "SET lock_timeout = '2s';\nALTER TABLE docs ALTER COLUMN body TYPE jsonb USING body::jsonb;\nALTER TABLE docs ADD COLUMN seen boolean;\n" },
      // text → integer in autocommit (psql): each statement its own transaction
      { "db/V1__docs.sql": "CREATE TABLE docs (id bigint PRIMARY KEY, body text);\n", "db/V2__json.sql": "SET lock_timeout = '2s';\nALTER TABLE docs ALTER COLUMN body TYPE integer USING body::integer;\nALTER TABLE docs ADD COLUMN seen boolean;\n" },
    ];
    for (const [index, files] of variants.entries()) {
      const { result, found } = await traced(files, index === 1 ? { runner: "psql" } : {});
      expect(found).toContain("MIG-063@db/V2__json.sql:2");
      expect(found.filter((f) => f.startsWith("MIG-062"))).toEqual([]);
      const message = result.findings.find((f) => f.rule === "MIG-063")?.message ?? "";
      expect(message).toMatch(index === 0 ? /\(value 'v1': invalid input syntax for type json\)/ : /\(value 'v1': invalid input syntax for type integer: "v1"\)/);
    }
  });

  it("after a real failure the file's trace stops, the rest is replayed for the later files, and no failure cascades", async () => {
    for (const runner of ["plain", "psql", "prisma"]) {
      const files = {
        "db/1_docs/migration.sql": "CREATE TABLE docs (id bigint PRIMARY KEY, body text);\n",
        "db/2_broken/migration.sql": "SET lock_timeout = '2s';\nALTER TABLE docs ADD COLUMN owner bigint REFERENCES missing (id);\nALTER TABLE docs ADD COLUMN note text;\nCREATE TABLE tags (id bigint PRIMARY KEY);\n",
        "db/3_later/migration.sql": "SET lock_timeout = '2s';\nALTER TABLE docs ALTER COLUMN note SET DEFAULT 'n';\nINSERT INTO tags (id) VALUES (1);\n",
      };
      const { result, found } = await traced(files, { runner, format: "prisma" });
      expect(found.filter((f) => f.startsWith("MIG-062")), runner).toEqual(["MIG-062@db/2_broken/migration.sql:2"]);
      expect(result.findings.find((f) => f.rule === "MIG-062")?.message, runner).toMatch(/relation "missing" does not exist; the rest of the file was not traced/);
      expect(result.stats, runner).toMatchObject({ tracedStatements: 6, untracedStatements: 2 });
    }
  });

  it("a renamed table is the same relation (OID), and the runner's bookkeeping tables exist", async () => {
    const cases: [Record<string, string>, Record<string, unknown>][] = [
      [
        {
          "db/V1__registry.sql": "CREATE TABLE registry (id bigint PRIMARY KEY);\n",
          "db/V2__swap.sql": "SET lock_timeout = '2s';\nALTER TABLE registry RENAME TO registry_old;\nCREATE TABLE registry (id bigint PRIMARY KEY);\nALTER TABLE registry_old ADD COLUMN gone boolean;\n",
        },
        {},
      ],
      [{ "db/1_a.up.sql": "CREATE TABLE a (id bigint);\n", "db/2_b.up.sql": "UPDATE schema_migrations SET dirty = false WHERE version = 1;\n" }, { format: "golang-migrate" }],
      [{ "db/1_a/migration.sql": "CREATE TABLE a (id bigint);\n", "db/2_b/migration.sql": "DELETE FROM _prisma_migrations WHERE migration_name = '0_old';\n" }, { format: "prisma" }],
      [{ "db/V1__a.sql": "CREATE TABLE a (id bigint);\n", "db/V2__b.sql": "SELECT count(*) FROM flyway_schema_history WHERE success;\n" }, { format: "flyway" }],
      [{ "db/1/up.sql": "CREATE TABLE a (id bigint);\n", "db/2/up.sql": "SELECT max(version) FROM __diesel_schema_migrations;\n" }, { runner: "diesel" }],
    ];
    for (const [files, options] of cases) {
      const { found } = await traced(files, options);
      expect(found.filter((f) => /MIG-06[023]/.test(f)), JSON.stringify(options)).toEqual([]);
    }
  });
});

/** [statement, sessionTimeZone]: does it rewrite w (a new relfilenode), and does the gate say MIG-006 blocks? */
const REWRITES: [string, string][] = [
  ["ALTER TABLE w ALTER COLUMN at TYPE timestamptz", "UTC"],
  ["ALTER TABLE w ALTER COLUMN at TYPE timestamptz USING at", "UTC"],
  ["ALTER TABLE w ALTER COLUMN at TYPE timestamptz USING at::timestamptz", "UTC"],
  ["ALTER TABLE w ALTER COLUMN at TYPE timestamptz USING at AT TIME ZONE 'UTC'", "UTC"],
  ["ALTER TABLE w ALTER COLUMN at TYPE timestamptz", "Europe/Paris"],
  ["ALTER TABLE w ALTER COLUMN at TYPE timestamptz USING at", "America/New_York"],
  ["ALTER TABLE w ALTER COLUMN note TYPE varchar(20)", "UTC"],
  ["ALTER TABLE w ALTER COLUMN note TYPE text", "UTC"],
  ["ALTER TABLE w ALTER COLUMN note TYPE varchar(5)", "UTC"],
  ["ALTER TABLE w ALTER COLUMN note TYPE varchar(10) USING note", "UTC"],
  ["ALTER TABLE w ALTER COLUMN note TYPE varchar(10) USING upper(note)", "UTC"],
  ["ALTER TABLE w ALTER COLUMN u_id TYPE integer", "UTC"],
];

suite("table rewrites predicted by the gate, checked on a real PostgreSQL", () => {
  const scratch: string[] = [];
  afterAll(() => {
    for (const directory of scratch) rmSync(directory, { recursive: true, force: true });
  });

  it.each(REWRITES)("%s (TimeZone %s)", async (statement, zone) => {
    await client.query("DROP SCHEMA IF EXISTS other CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    await client.query(SETUP);
    await client.query("INSERT INTO u SELECT g FROM generate_series(101, 200) g ON CONFLICT DO NOTHING");
    await client.query("INSERT INTO w SELECT g, g, now(), 'n' || (g % 1000) FROM generate_series(1, 100) g");
    const filenode = async () => (await client.query<{ f: string }>("SELECT relfilenode::text AS f FROM pg_class WHERE oid = 'w'::regclass")).rows[0]?.f;
    const before = await filenode();
    await client.query(`SET TIME ZONE '${zone}'`);
    await client.query(statement);
    const rewrote = (await filenode()) !== before;
    await client.query("RESET TIME ZONE");

    const root = mkdtempSync(join(tmpdir(), "rg-mig-rewrite-"));
    scratch.push(root);
    mkdirSync(join(root, ".git"));
    writeFileSync(join(root, "schema.sql"), SETUP);
    writeFileSync(join(root, "m.sql"), `SET lock_timeout = '2s';\nSET statement_timeout = '1min';\n${statement};\n`);
    const report = await runGates(
      {
        config: { workspace: { root, base: root }, gates: {}, policies: [], rules: {} },
        gates: [["migrations", { files: ["m.sql"], schemaFiles: ["schema.sql"], sessionTimeZone: zone, requireRollbackPlan: false }]],
        now: new Date("2026-11-01T00:00:00Z"),
        logger: silentLogger,
      },
      await migrationsBundle(),
    );
    const blocked = (report.gates[0]?.findings ?? []).some((f) => f.rule === "MIG-006" && f.severity === "block");
    expect(report.gates[0]?.error).toBeUndefined();
    expect(blocked, `PostgreSQL ${rewrote ? "rewrote" : "did not rewrite"} w`).toBe(rewrote);
  });
});
