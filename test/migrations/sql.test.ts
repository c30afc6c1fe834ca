import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ConfigurationError } from "../../src/engine/errors.js";
import { loadModule, scanSync } from "libpg-query";
import { readSqlFiles } from "../../src/sources/sql-files.js";
import { clauseExtent, loadSqlParser, longIdentifiers, parseSql, sqlComments, SqlSyntaxError, SqlText } from "../../src/sources/sql.js";

beforeAll(async () => {
  await loadSqlParser();
  await loadModule();
});

describe("statement locations from libpg-query's UTF-8 byte offsets", () => {
  it("counts characters, not bytes, after non-ASCII text", () => {
    const text = "-- café ☕\nSELECT 1;\n/* naïve 😀 */ ALTER TABLE t ADD COLUMN c int;";
    const parsed = parseSql(text, "m.sql");
    expect(parsed.statements.map((s) => s.type)).toEqual(["SelectStmt", "AlterTableStmt"]);
    const [select, alter] = parsed.statements;
    // "-- café ☕\n" is 10 characters but 13 bytes: the byte offset must not leak into the column.
    expect(select?.startByte).toBe(13);
    expect(parsed.source.position(select?.startByte ?? 0)).toEqual({ line: 2, column: 1 });
    // 😀 is two UTF-16 code units (what editors and SARIF count) and four UTF-8 bytes.
    expect(parsed.source.position(alter?.startByte ?? 0)).toEqual({ line: 3, column: 16 });
    expect(parsed.source.slice(alter?.startByte ?? 0, alter?.endByte ?? 0)).toBe("ALTER TABLE t ADD COLUMN c int");
  });

  it("skips comments and whitespace between statements", () => {
    const parsed = parseSql("SELECT 1;   -- one\n\n  /* two */\n  SELECT 2", "m.sql");
    expect(parsed.source.position(parsed.statements[1]?.startByte ?? 0)).toEqual({ line: 4, column: 3 });
  });

  it("reports the parser's error position, counted in characters (code points)", () => {
    const text = "-- 😀😀 é\nSELECT 1;\nSELEC 2;";
    let error: unknown;
    try {
      parseSql(text, "db/m.sql");
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(SqlSyntaxError);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as SqlSyntaxError).at).toEqual({ file: "db/m.sql", line: 3, column: 1 });
    expect((error as Error).message).toBe('db/m.sql:3:1: SQL syntax error: syntax error at or near "SELEC"');
  });

  it("maps byte offsets on CRLF files", () => {
    const source = new SqlText("SELECT 1;\r\nSELECT 'é';\r\nSELECT 3;");
    expect(source.position(Buffer.byteLength("SELECT 1;\r\nSELECT 'é';\r\n"))).toEqual({ line: 3, column: 1 });
  });

  it("finds no statements in a file of comments", () => {
    expect(parseSql("-- nothing here\n/* still nothing */\n", "m.sql").statements).toEqual([]);
  });
});

describe("comments, the same as PostgreSQL's scanner sees them", () => {
  const cases = [
    "-- a\nSELECT 1; /* b */ SELECT '-- not a comment', $$ /* not */ $$, $tag$ -- no $tag$;",
    "SELECT E'it\\'s -- still a string' /* c /* nested */ still c */, \"quoted -- ident\"; -- d",
    "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1 -- inside $body$ LANGUAGE sql; -- after",
    "SELECT 'a''b -- x' -- real\n, 1; SELECT a$b$c FROM t -- e$x$\n",
    "-- café ☕ résumé\nSELECT '😀 -- no' /* ünïcode 😀 */;",
  ];
  it.each(cases)("%s", (text) => {
    const ours = sqlComments(new SqlText(text)).map((c) => [c.text, c.startByte, c.endByte]);
    // libpg-query's own scanner: PostgreSQL's scan.l
    const theirs = scanSync(text)
      .tokens.filter((token) => token.tokenName === "SQL_COMMENT" || token.tokenName === "C_COMMENT")
      .map((token) => [token.text, token.start, token.end]);
    expect(ours).toEqual(theirs);
    expect(ours.length).toBeGreaterThan(0);
  });
});

describe("clause extents and long identifiers", () => {
  it("stops at the next clause at depth 0", () => {
    const text = "c uuid DEFAULT coalesce(f('a,b'), g()) NOT NULL, d int";
    const from = text.indexOf("coalesce");
    const range = clauseExtent(text, from, new Set(["NOT", "NULL"]));
    expect(range && text.slice(range[0], range[1])).toBe("coalesce(f('a,b'), g())");
  });

  it("finds identifiers PostgreSQL truncates, as written", () => {
    const name = "a_table_name_that_is_definitely_longer_than_sixty_three_bytes_long";
    expect(longIdentifiers(`CREATE TABLE ${name} (id int); SELECT '${name}x'`)).toEqual([name]);
    expect(longIdentifiers('CREATE TABLE "ü_' + "x".repeat(61) + '" (id int)')).toEqual(["ü_" + "x".repeat(61)]);
    expect(longIdentifiers("SELECT 1")).toEqual([]);
  });
});

describe("reading SQL files ahead in a worker thread", () => {
  it("delivers every file in order while the worker waits for a slow reader", async () => {
    const directory = mkdtempSync(join(tmpdir(), "rg-sql-files-"));
    try {
      const requests = Array.from({ length: 40 }, (_, n) => {
        const path = join(directory, `${n}.sql`);
        writeFileSync(path, n === 7 ? "SELECT FROM WHERE;" : `CREATE TABLE t${n} (id int); -- ${n}`);
        return { path, shown: `${n}.sql` };
      });
      process.env.RESILIENCE_GATES_WORKERS = "on";
      const seen: string[] = [];
      // Two files a message, one message ahead: the worker must wait on the reader many times.
      for await (const result of readSqlFiles({ root: directory, base: directory }, requests, { batch: 2, ahead: 1 })) {
        seen.push(result.failure ? `${result.failure.kind}@${result.failure.location?.file}:${result.failure.location?.line}` : (result.text ?? ""));
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      expect(seen).toHaveLength(40);
      expect(seen[7]).toBe("syntax@7.sql:1");
      expect(seen.filter((_, n) => n !== 7)).toEqual(requests.filter((_, n) => n !== 7).map((_, i) => `CREATE TABLE t${i < 7 ? i : i + 1} (id int); -- ${i < 7 ? i : i + 1}`));
    } finally {
      delete process.env.RESILIENCE_GATES_WORKERS;
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
