import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validate } from "../../src/config/schemas.js";
import type { PolicyBundle } from "../../src/engine/policy.js";
import type { GateResult } from "../../src/engine/types.js";
import { migrationsGate } from "../../src/gates/migrations/index.js";
import { judgeMigrations, migrationsBundle } from "./support.js";

let bundle: PolicyBundle;
const scratch: string[] = [];

beforeAll(async () => {
  bundle = await migrationsBundle();
});
afterAll(() => {
  for (const directory of scratch) rmSync(directory, { recursive: true, force: true });
});

function workspace(files: Record<string, string | Buffer>, git = false): string {
  const root = mkdtempSync(join(tmpdir(), "rg-mig-"));
  scratch.push(root);
  if (!git) mkdirSync(join(root, ".git"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, ".."), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

const run = (root: string, options: Record<string, unknown>): Promise<GateResult> => judgeMigrations(bundle, root, options);

const places = (result: GateResult) => result.findings.map((f) => `${f.rule}@${f.location?.file}:${f.location?.line}`);

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@e", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@e" } });

describe("schema context and ordering", () => {
  it("replays earlier Flyway files in version order (V10 after V9) and judges the later ones against them", async () => {
    const root = workspace({
      "db/V9__create.sql": "SET lock_timeout = '2s'; SET statement_timeout = '1min';\nCREATE TABLE users (id bigint PRIMARY KEY, email varchar(100));\n",
      "db/V10__widen.sql": "SET lock_timeout = '2s'; SET statement_timeout = '1min';\n-- resilience-gates-rollback: widening only\nALTER TABLE users ALTER COLUMN email TYPE varchar(200);\nCREATE INDEX users_email_idx ON users (email);\n",
    });
    const result = await run(root, { files: ["db/*.sql"] });
    // V10 sees users from V9: the widening is known safe; the index is on a table that now holds rows.
    expect(places(result)).toEqual(["MIG-042@db/V10__widen.sql:3", "MIG-007@db/V10__widen.sql:4", "MIG-042@db/V9__create.sql:2"]);
  });

  it("reads a schema dump as context without judging it", async () => {
    const root = workspace({
      "schema.sql": "CREATE TABLE t (id bigint, n integer);",
      "m.sql": "SET lock_timeout = '2s'; SET statement_timeout = '1min';\n-- resilience-gates-rollback: restore from backup\nALTER TABLE t ALTER COLUMN n TYPE bigint;",
    });
    const result = await run(root, { files: ["m.sql"], schemaFiles: ["schema.sql"] });
    expect(result.findings.map((f) => f.message)).toEqual([expect.stringContaining("(from integer)")]);
    expect(result.stats).toMatchObject({ files: 1, contextFiles: 1 });
  });
});

describe("--base REF", () => {
  it("judges only files added since the merge base and reports edited ones", async () => {
    const root = workspace({}, true);
    git(root, "init", "-q", "-b", "main");
    writeFileSync(join(root, "V1__users.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, name text);\n");
    writeFileSync(join(root, "V2__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY);\n");
    git(root, "add", ".");
    git(root, "commit", "-q", "-m", "base");
    git(root, "checkout", "-q", "-b", "feature");
    writeFileSync(join(root, "V3__index.sql"), "SET lock_timeout = '2s'; SET statement_timeout = '1min';\nCREATE INDEX users_name_idx ON users (name);\n");
    git(root, "add", "V3__index.sql");
    git(root, "commit", "-q", "-m", "feature");
    writeFileSync(join(root, "V4__untracked.sql"), "SET lock_timeout = '2s'; SET statement_timeout = '1min';\nALTER TABLE orders ADD COLUMN note text;\n");
    writeFileSync(join(root, "V2__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, edited text);\n");
    const result = await run(root, { files: ["*.sql"], base: "main" });
    expect(result.error).toBeUndefined();
    expect(places(result)).toEqual(["MIG-032@V2__orders.sql:1", "MIG-007@V3__index.sql:2"]);
    expect(result.stats).toMatchObject({ files: 2, contextFiles: 2, editedFiles: 1 });
  });

  it("fails clearly on an unknown ref and outside a git repository", async () => {
    const repository = workspace({}, true);
    git(repository, "init", "-q");
    writeFileSync(join(repository, "a.sql"), "SELECT 1;");
    git(repository, "add", ".");
    git(repository, "commit", "-q", "-m", "one");
    const unknown = await run(repository, { files: ["a.sql"], base: "origin/nope" });
    expect(unknown.verdict).toBe("error");
    expect(unknown.error).toMatch(/--base origin\/nope: unknown git ref; fetch it first/);

    const plain = mkdtempSync(join(tmpdir(), "rg-mig-nogit-"));
    scratch.push(plain);
    writeFileSync(join(plain, "a.sql"), "SELECT 1;");
    const outside = await run(plain, { files: ["a.sql"], base: "main" });
    expect(outside.verdict).toBe("error");
    expect(outside.error).toMatch(/is not inside a git repository/);
  });
});

describe("bad input is an error, never a silent pass", () => {
  it("unparseable SQL: verdict error with the parser's file, line and column", async () => {
    const root = workspace({ "m.sql": "SELECT 1;\n-- é\nALTER TABLE t ADD COLUM c text;\n" });
    const result = await run(root, { files: ["m.sql"] });
    expect(result.verdict).toBe("error");
    expect(result.error).toBe(
      'm.sql:3:27: SQL syntax error: syntax error at or near "text" (that statement was not checked; the file\'s other statements and the later files were judged)',
    );
  });

  it("a file with a syntax error (a no-break space, as a real DHIS2 migration has) is an error, and every other file is still judged", async () => {
    const root = workspace({
      "1_base.sql": "CREATE TABLE users (id bigint PRIMARY KEY, email varchar(100));\nCREATE TABLE orders (id bigint PRIMARY KEY);\n",
      "2_broken.sql": "SET lock_timeout = '2s';\nALTER TABLE users\u00a0ADD COLUMN note text;\nTRUNCATE orders;\n",
      "3_later.sql": "SET lock_timeout = '2s';\nALTER TABLE users ALTER COLUMN email TYPE varchar(200);\nCREATE INDEX orders_id ON orders (id);\n",
    });
    const result = await run(root, { files: ["*.sql"], requireStatementTimeout: false, requireRollbackPlan: false });
    expect(result.verdict).toBe("error");
    expect(result.error).toBe(
      '2_broken.sql:2:23: SQL syntax error: syntax error at or near "COLUMN"; the statement holds a U+00A0 space character, which PostgreSQL reads as ' +
        "part of a word: replace it with an ordinary space (that statement was not checked; the file's other statements and the later files were " +
        "judged, the replay treating public.users as unknown from there on)",
    );
    // The broken file's TRUNCATE and the later file are judged; users' column types are unknown after the
    // broken statement, so the widening is no longer known to be safe.
    expect(places(result)).toEqual([
      "MIG-042@1_base.sql:1",
      "MIG-001@2_broken.sql:2",
      "MIG-020@2_broken.sql:3",
      "MIG-006@3_later.sql:2",
      "MIG-042@3_later.sql:2",
      "MIG-007@3_later.sql:3",
    ]);
    expect(result.stats).toMatchObject({ files: 3, parseErrors: 1 });
  });

  it("a schema file or a migration that cannot be read is an error; the files after it are still judged", async () => {
    const root = workspace({
      "schema.sql": "CREATE TABLE t (id bigint);\nCREATE TABLEE u (id bigint);\n",
      "1_latin1.sql": Buffer.from([0x53, 0x45, 0x4c, 0x45, 0x43, 0x54, 0x0a, 0x27, 0xe9, 0x27]),
      "2_ok.sql": "SET lock_timeout = '2s';\nTRUNCATE t;\n",
    });
    const result = await run(root, { files: ["1_latin1.sql", "2_ok.sql"], schemaFiles: ["schema.sql"], requireStatementTimeout: false, requireRollbackPlan: false });
    expect(result.verdict).toBe("error");
    expect(result.error).toMatch(/^schema\.sql:2:8: SQL syntax error: syntax error at or near "TABLEE" .*; 1_latin1\.sql:2: not valid UTF-8 text \(not replayed/);
    expect(places(result)).toEqual(["MIG-020@2_ok.sql:2"]);
  });

  it("unparseable SQL with onParseError: warn is MIG-001 and the other files are judged", async () => {
    const root = workspace({ "a.sql": "ALTER TABLE t ADD COLUM c text;", "b.sql": "TRUNCATE t;" });
    const result = await run(root, { files: ["a.sql", "b.sql"], onParseError: "warn", requireStatementTimeout: false });
    expect(result.verdict).toBe("block");
    expect(places(result)).toEqual(["MIG-001@a.sql:1", "MIG-020@b.sql:1", "MIG-022@b.sql:1", "MIG-027@b.sql:1"]);
  });

  it("an empty or comment-only migration is nothing to judge, and the files beside it are still judged", async () => {
    const root = workspace({ "1_empty.sql": "", "2_comments.sql": "-- nothing\n/* at all */\n;\n", "3_real.sql": "TRUNCATE t;" });
    const result = await run(root, { files: ["*.sql"], requireStatementTimeout: false });
    expect(result.error).toBeUndefined();
    expect(places(result)).toEqual(["MIG-020@3_real.sql:1", "MIG-022@3_real.sql:1", "MIG-027@3_real.sql:1"]);
    expect(result.stats).toMatchObject({ files: 3, emptyFiles: 2, statements: 1 });
  });

  it("non-UTF-8, binary and oversize files", async () => {
    const cases: [string, string | Buffer, Record<string, unknown>, RegExp][] = [
      ["latin1.sql", Buffer.from([0x53, 0x45, 0x4c, 0x45, 0x43, 0x54, 0x0a, 0x27, 0xe9, 0x27]), {}, /latin1\.sql:2: not valid UTF-8 text/],
      ["binary.sql", Buffer.from([0x53, 0x00, 0x51]), {}, /binary\.sql:1: binary content/],
      ["huge.sql", `SELECT 1;\n${"-- padding\n".repeat(20)}`, { maxFileBytes: 100 }, /huge\.sql is 0\.0 MiB; files larger than .* are refused/],
    ];
    for (const [name, content, options, error] of cases) {
      const root = workspace({ [name]: content });
      const result = await run(root, { files: [name], ...options });
      expect(result.verdict, name).toBe("error");
      expect(result.error, name).toMatch(error);
    }
  });

  it("a glob that matches nothing is an error", async () => {
    const root = workspace({ "a.sql": "SELECT 1;" });
    const result = await run(root, { files: ["migrations/*.sql"] });
    expect(result.verdict).toBe("error");
    expect(result.error).toMatch(/migration pattern migrations\/\*\.sql matched no files/);
  });
});

describe("options", () => {
  it("from one-off CLI flags", () => {
    expect(migrationsGate.optionsFromFlags({})).toBeUndefined();
    expect(
      migrationsGate.optionsFromFlags({ files: ["a.sql", "b.sql"], base: "origin/main", "migration-format": "flyway", runner: "psql", transaction: "none" }),
    ).toEqual({ files: ["a.sql", "b.sql"], base: "origin/main", format: "flyway", runner: "psql", transaction: "none" });
  });

  it("are validated against schemas/gates.schema.json", () => {
    expect(validate("gates", { files: ["a.sql"], transaction: "per-file", maxLockTimeout: "2s", connection: { lockTimeout: "1s" } }, "$defs/migrations")).toEqual([]);
    expect(validate("gates", { files: ["a.sql"], runner: "prisma", transaction: "single-message" }, "$defs/migrations")).toEqual([]);
    const problems = validate("gates", { files: ["a.sql"], transaction: "sometimes", format: "liquibase", runner: "liquibase" }, "$defs/migrations").map((p) => p.message);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining("`transaction` must be one of"),
        expect.stringContaining("`format` must be one of"),
        expect.stringContaining("`runner` must be one of"),
      ]),
    );
    expect(validate("gates", {}, "$defs/migrations").map((p) => p.message)).toEqual([expect.stringContaining("missing required key `files`")]);
  });

  it("connection settings stand in for SET statements, and config ignores are decided by the policy", async () => {
    const root = workspace({ "m.sql": "ALTER TABLE t ADD COLUMN c text;\nTRUNCATE t;\n" });
    const result = await run(root, {
      files: ["m.sql"],
      connection: { lockTimeout: "2s", statementTimeout: "1min" },
      ignores: [
        { rule: "MIG-020", files: "*.sql", reason: "t is a cache" },
        { rule: "MIG-002", files: "*.sql", reason: "never fires" },
      ],
      requireRollbackPlan: false,
    });
    expect(places(result)).toEqual(["MIG-091@m.sql:1"]);
  });
});
