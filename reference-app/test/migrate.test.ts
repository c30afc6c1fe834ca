// The migration runner on a real PostgreSQL: ordered, once each, recorded with checksums, safe to run
// concurrently, CONCURRENTLY files outside a transaction; and the files themselves follow the safe style.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadMigrations, runMigrations, splitStatements } from "../src/migrate.js";
import { appRoot, assertTools, removeDir, scratchDir, skipStores, TestPostgres } from "./support/stores.js";

const migrationsDir = path.join(appRoot, "migrations");

describe("migration files", () => {
  const migrations = loadMigrations(migrationsDir);

  it("are numbered without gaps from 0001", () => {
    expect(migrations.map((m) => Number(m.version))).toEqual(migrations.map((_, i) => i + 1));
  });

  it.each(migrations.map((m) => [m.file, m] as const))("%s sets lock_timeout and statement_timeout first", (_file, migration) => {
    const statements = splitStatements(migration.sql);
    expect(statements[0]).toMatch(/^SET lock_timeout = '\d+(ms|s)'$/);
    expect(statements[1]).toMatch(/^SET statement_timeout = '\d+(ms|s|min)'$/);
  });

  it("build indexes CONCURRENTLY only in files that run outside a transaction", () => {
    for (const migration of migrations) {
      const creates = splitStatements(migration.sql).filter((s) => /^CREATE (UNIQUE )?INDEX/i.test(s));
      for (const statement of creates) expect(statement).toMatch(/CONCURRENTLY/);
      if (creates.length > 0) expect(migration.transactional).toBe(false);
    }
  });

  it("add constraints NOT VALID and validate them in a later file", () => {
    const all = migrations.map((m) => ({ version: m.version, statements: splitStatements(m.sql) }));
    for (const { version, statements } of all) {
      for (const statement of statements) {
        const added = /ALTER TABLE (\w+)\s+ADD CONSTRAINT (\w+)/i.exec(statement);
        if (!added) continue;
        expect(statement).toMatch(/NOT VALID$/);
        const validated = all.find((m) => m.version > version && m.statements.some((s) => s.includes(`VALIDATE CONSTRAINT ${added[2]}`)));
        expect(validated, `${added[2]} is validated in a later file`).toBeDefined();
      }
    }
  });

  it("use bigint identity keys, timestamptz and text, never serial, timestamp or varchar", () => {
    for (const migration of migrations) {
      const body = splitStatements(migration.sql).join("\n");
      expect(body).not.toMatch(/\b(serial|bigserial|varchar|character varying|json(?!b))\b/i);
      expect(body).not.toMatch(/\btimestamp\b(?!tz)/i);
      for (const id of body.matchAll(/^\s*id (.+),$/gm)) expect(id[1]).toBe("bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY");
    }
  });

  it("splits statements around quotes, dollar quotes and comments", () => {
    expect(splitStatements("SELECT ';'; -- a; comment\nSELECT $x$;$x$; /* c; */ SELECT 1")).toEqual(["SELECT ';'", "SELECT $x$;$x$", "SELECT 1"]);
  });
});

describe.skipIf(skipStores)("migration runner (real PostgreSQL)", () => {
  let dir: string;
  let postgres: TestPostgres;

  beforeAll(async () => {
    assertTools();
    dir = scratchDir("migrate");
    postgres = await TestPostgres.create(dir);
  });
  afterAll(async () => {
    await postgres?.destroy();
    if (dir) removeDir(dir);
  });

  it("applies every file in order once, and a second run applies nothing", async () => {
    const url = await postgres.createDatabase("ordered");
    const logs: string[] = [];
    const first = await runMigrations({ databaseUrl: url, dir: migrationsDir, log: (m) => logs.push(m) });
    const files = readdirSync(migrationsDir).sort();
    expect(first.applied).toEqual(files.map((f) => f.slice(0, 4)));
    expect(logs.filter((l) => l.includes("(no transaction)"))).toHaveLength(3);
    const second = await runMigrations({ databaseUrl: url, dir: migrationsDir });
    expect(second).toEqual({ applied: [], alreadyApplied: first.applied });

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query("SELECT version FROM schema_migrations ORDER BY applied_at, version");
      expect(rows.map((r) => r.version)).toEqual(first.applied);
      const constraints = await client.query("SELECT conname, convalidated FROM pg_constraint WHERE conname IN ('outbox_events_ledger_entry_fk', 'ledger_entries_currency_iso4217') ORDER BY 1");
      expect(constraints.rows).toEqual([
        { conname: "ledger_entries_currency_iso4217", convalidated: true },
        { conname: "outbox_events_ledger_entry_fk", convalidated: true },
      ]);
      const indexes = await client.query("SELECT indexname FROM pg_indexes WHERE indexname LIKE '%_idx' ORDER BY 1");
      expect(indexes.rows.map((r) => r.indexname)).toEqual([
        "ledger_entries_tenant_created_idx",
        "outbox_events_ledger_entry_id_idx",
        "outbox_events_unpublished_idx",
      ]);
      const invalid = await client.query("SELECT count(*)::int AS n FROM pg_index WHERE NOT indisvalid");
      expect(invalid.rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
  });

  it("serialises concurrent runners", async () => {
    const url = await postgres.createDatabase("concurrent");
    const results = await Promise.all([1, 2, 3].map(() => runMigrations({ databaseUrl: url, dir: migrationsDir })));
    const applied = results.flatMap((r) => r.applied).sort();
    expect(applied).toEqual(loadMigrations(migrationsDir).map((m) => m.version));
  });

  it("refuses a file changed after it was applied, and rolls back a failing file", async () => {
    const url = await postgres.createDatabase("changed");
    const copy = path.join(dir, "migrations-copy");
    mkdirSync(copy);
    for (const file of readdirSync(migrationsDir)) copyFileSync(path.join(migrationsDir, file), path.join(copy, file));
    await runMigrations({ databaseUrl: url, dir: copy });
    const first = path.join(copy, "0001_create_tenants.sql");
    writeFileSync(first, `${readFileSync(first, "utf8")}\n-- edited\n`);
    await expect(runMigrations({ databaseUrl: url, dir: copy })).rejects.toThrow(/0001_create_tenants.sql changed after it was applied/);

    copyFileSync(path.join(migrationsDir, "0001_create_tenants.sql"), first);
    writeFileSync(path.join(copy, "0013_broken.sql"), "SET lock_timeout = '1s';\nSET statement_timeout = '5s';\nCREATE TABLE half_done (id bigint);\nSELECT no_such_function();\n");
    await expect(runMigrations({ databaseUrl: url, dir: copy })).rejects.toThrow(/0013_broken.sql failed/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const table = await client.query("SELECT to_regclass('half_done') AS t");
      expect(table.rows[0].t).toBeNull();
      const recorded = await client.query("SELECT count(*)::int AS n FROM schema_migrations WHERE version = '0013'");
      expect(recorded.rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
  });
});
