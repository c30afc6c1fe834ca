// Each runner's execution model, held to a real PostgreSQL: every file is sent exactly as the runner
// sends it (one simple-query message through `pg`, or statement by statement, with or without the
// runner's BEGIN ... COMMIT), and whether PostgreSQL accepted it must match whether the gate predicted
// MIG-010 ("cannot run inside a transaction block") for that runner.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/engine/logger.js";
import type { PolicyBundle } from "../../src/engine/policy.js";
import { flywayNonTransactional, RUNNERS, type Runner } from "../../src/gates/migrations/runners.js";
import { findPostgresBin, startThrowawayPostgres, type Server } from "../../src/gates/migrations/trace.js";
import { loadSqlParser, parseSql } from "../../src/sources/sql.js";
import { inCi } from "../support/ci.js";
import { judgeMigrations, migrationsBundle } from "./support.js";

const bin = findPostgresBin(process.env.PG_BIN);
if (!bin && inCi) throw new Error("runner tests need PostgreSQL server binaries (initdb, postgres); install them or set PG_BIN");
const suite = bin ? describe : describe.skip;

const SETUP = `
CREATE TABLE t (id bigint PRIMARY KEY, a integer, b integer);
CREATE INDEX t_old_idx ON t (b);
CREATE TABLE p (id bigint, at date) PARTITION BY RANGE (at);
CREATE TABLE p_2020 PARTITION OF p FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
`;

/** Migration bodies that tell the models apart. */
const FILES: Record<string, string> = {
  "concurrently alone": "CREATE INDEX CONCURRENTLY t_a_idx ON t (a);\n",
  "concurrently alone, commented": "-- CreateIndex\nCREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS t_a_idx ON t (a);\n",
  "drop concurrently alone": "DROP INDEX CONCURRENTLY IF EXISTS t_old_idx;\n",
  "reindex concurrently alone": "REINDEX INDEX CONCURRENTLY t_old_idx;\n",
  "detach concurrently alone": "ALTER TABLE p DETACH PARTITION p_2020 CONCURRENTLY;\n",
  "vacuum alone": "VACUUM t;\n",
  "set then concurrently": "SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY t_a_idx ON t (a);\n",
  "two concurrent builds": "CREATE INDEX CONCURRENTLY t_a_idx ON t (a);\nCREATE INDEX CONCURRENTLY t_b_idx ON t (b);\n",
  "commit then concurrently": "BEGIN;\nALTER TABLE t ADD COLUMN c text;\nCOMMIT;\nCREATE INDEX CONCURRENTLY t_a_idx ON t (a);\n",
  "plain DDL": "ALTER TABLE t ADD COLUMN c text;\nCREATE INDEX t_c_idx ON t (c);\n",
};

/** Per-file choices some runners read beside or in the file. */
const VARIANTS: { runner: Runner; name: string; body: string; extra: Record<string, string> }[] = [
  { runner: "diesel", name: "run_in_transaction = false", body: FILES["concurrently alone"] as string, extra: { "metadata.toml": "run_in_transaction = false\n" } },
  { runner: "diesel", name: "run_in_transaction = false, two statements", body: FILES["set then concurrently"] as string, extra: { "metadata.toml": "run_in_transaction = false\n" } },
  { runner: "graphile-migrate", name: "--! no-transaction", body: `--! no-transaction\n${FILES["concurrently alone"]}`, extra: {} },
  { runner: "graphile-migrate", name: "--! no-transaction, two statements", body: `--! no-transaction\n${FILES["set then concurrently"]}`, extra: {} },
  { runner: "flyway", name: "executeInTransaction=false", body: FILES["reindex concurrently alone"] as string, extra: { "V2__m.sql.conf": "executeInTransaction=false\n" } },
];

let server: Server | undefined;
let client: pg.Client;
let bundle: PolicyBundle;
const scratch: string[] = [];

beforeAll(async () => {
  if (!bin) return;
  await loadSqlParser();
  bundle = await migrationsBundle();
  server = await startThrowawayPostgres(silentLogger, bin);
  client = new pg.Client({ connectionString: server.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end().catch(() => undefined);
  await server?.stop();
  for (const directory of scratch) rmSync(directory, { recursive: true, force: true });
});

const statementsOf = (text: string): string[] => {
  const parsed = parseSql(text, "up.sql");
  return parsed.statements.map((s) => parsed.source.slice(s.startByte, s.endByte));
};

/** Sends the file the way the runner does; the error PostgreSQL (or the runner) reports, if any. */
async function apply(runner: Runner, text: string, extra: Record<string, string>): Promise<string | undefined> {
  const statements = statementsOf(text);
  const each = async (reopen: boolean) => {
    for (const sql of statements) {
      await client.query(sql);
      if (reopen && /^(COMMIT|END|ROLLBACK)\b/i.test(sql)) await client.query("BEGIN");
    }
  };
  const wrapped = async (body: () => Promise<void>) => {
    await client.query("BEGIN");
    try {
      await body();
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  };
  const noTransaction = runner === "graphile-migrate" && /^--!\s*no-transaction/m.test(text);
  const dieselOff = runner === "diesel" && /run_in_transaction\s*=\s*false/.test(extra["metadata.toml"] ?? "");
  try {
    switch (runner) {
      case "prisma":
      case "golang-migrate":
        await client.query(text);
        break;
      case "diesel":
      case "node-pg-migrate":
      case "graphile-migrate":
        if (noTransaction || dieselOff) await client.query(text);
        else await wrapped(() => client.query(text).then(() => undefined));
        break;
      case "flyway": {
        const conf = /executeInTransaction\s*=\s*(true|false)/.exec(extra["V2__m.sql.conf"] ?? "")?.[1];
        const outside = statements.filter(flywayNonTransactional).length;
        if (conf === undefined && outside > 0 && outside < statements.length) return "Flyway: Detected both transactional and non-transactional statements within the same migration";
        if (conf === "false" || (conf === undefined && outside === statements.length)) await each(false);
        else await wrapped(() => each(true));
        break;
      }
      case "plain":
        await wrapped(() => each(true));
        break;
      case "rails":
      case "psql-single-transaction":
        await wrapped(() => each(false));
        break;
      case "psql":
      case "golang-migrate-multi-statement":
        await each(false);
        break;
    }
    return undefined;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    return (error as Error).message;
  }
}

async function predicted(runner: Runner, text: string, extra: Record<string, string>): Promise<{ mig010: string[]; error?: string }> {
  const root = mkdtempSync(join(tmpdir(), "rg-mig-runner-"));
  scratch.push(root);
  mkdirSync(join(root, ".git"));
  mkdirSync(join(root, "m"));
  writeFileSync(join(root, "schema.sql"), SETUP);
  // Flyway reads a script's .conf only under its own naming scheme.
  const name = runner === "flyway" ? "V2__m.sql" : "up.sql";
  writeFileSync(join(root, "m", name), text);
  for (const [extraName, content] of Object.entries(extra)) writeFileSync(join(root, "m", extraName), content);
  const result = await judgeMigrations(bundle, root, { files: [`m/${name}`], schemaFiles: ["schema.sql"], runner });
  return { mig010: result.findings.filter((f) => f.rule === "MIG-010").map((f) => f.message), ...(result.error ? { error: result.error } : {}) };
}

const cases: [Runner, string, string, Record<string, string>][] = [
  ...RUNNERS.flatMap((runner) => Object.entries(FILES).map(([name, body]): [Runner, string, string, Record<string, string>] => [runner, name, body, {}])),
  ...VARIANTS.map((v): [Runner, string, string, Record<string, string>] => [v.runner, v.name, v.body, v.extra]),
];

const outcomes = { ran: 0, refused: 0 };

suite("each runner's execution model, on a real PostgreSQL", () => {
  it.each(cases)("%s: %s", async (runner, _name, body, extra) => {
    await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    await client.query(SETUP);
    const failure = await apply(runner, body, extra);
    const gate = await predicted(runner, body, extra);
    expect(gate.error).toBeUndefined();
    const cannot = failure !== undefined && /cannot run inside a transaction block|transactional and non-transactional/.test(failure);
    // Every failure here is the one MIG-010 is about; nothing else may fail.
    if (failure !== undefined) expect(cannot, failure).toBe(true);
    expect(gate.mig010.length > 0, `PostgreSQL: ${failure ?? "ran"}; gate: ${gate.mig010.join(" | ") || "no MIG-010"}`).toBe(cannot);
    for (const message of gate.mig010) expect(message).toContain(`runner model assumed: ${runner}`);
    outcomes[cannot ? "refused" : "ran"]++;
  });

  it("saw both outcomes, so the comparison can fail either way", () => {
    expect(outcomes.ran).toBeGreaterThan(30);
    expect(outcomes.refused).toBeGreaterThan(30);
    console.log(`runner models: ${cases.length} files, PostgreSQL ran ${outcomes.ran} and refused ${outcomes.refused}; the gate agreed on all`);
  });
});
