// The schema that unchanged leading files leave is kept between runs (keyed by their bytes, the replay's
// settings and the code): a second run judges the new file against it without replaying the history,
// with the same findings; any change to those files, or an unreadable entry, means a replay.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PolicyBundle } from "../../src/engine/policy.js";
import type { GateResult } from "../../src/engine/types.js";
import { judgeMigrations, migrationsBundle } from "./support.js";

let bundle: PolicyBundle;
const scratch: string[] = [];
const saved = { cache: process.env.XDG_CACHE_HOME, caching: process.env.RESILIENCE_GATES_CACHE };
let cache: string;

beforeAll(async () => {
  bundle = await migrationsBundle();
});
beforeEach(() => {
  cache = mkdtempSync(join(tmpdir(), "rg-cache-"));
  scratch.push(cache);
  process.env.XDG_CACHE_HOME = cache;
  delete process.env.RESILIENCE_GATES_CACHE;
});
afterEach(() => {
  for (const [name, value] of [["XDG_CACHE_HOME", saved.cache], ["RESILIENCE_GATES_CACHE", saved.caching]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});
afterAll(() => {
  for (const directory of scratch) rmSync(directory, { recursive: true, force: true });
});

const entries = () => {
  const directory = join(cache, "resilience-gates", "migrations-schema");
  return existsSync(directory) ? readdirSync(directory) : [];
};
const places = (result: GateResult) => result.findings.map((f) => `${f.rule}@${f.location?.file}:${f.location?.line} ${f.message}`);

/** 40 files of schema history (table t7 gets `code varchar(20)` in file 7), and one migration that changes its type. */
function history(): string {
  const root = mkdtempSync(join(tmpdir(), "rg-cache-history-"));
  scratch.push(root);
  mkdirSync(join(root, ".git"));
  mkdirSync(join(root, "schema"));
  for (let n = 0; n < 40; n++) {
    const column = n === 7 ? ", code varchar(20)" : "";
    writeFileSync(join(root, "schema", `${String(n).padStart(3, "0")}.sql`), `CREATE TABLE t${n} (id bigint PRIMARY KEY${column});\n`);
  }
  writeFileSync(join(root, "V1__widen.sql"), "-- resilience-gates-rollback: widening only\nSET lock_timeout = '2s';\nSET statement_timeout = '1min';\nALTER TABLE t7 ALTER COLUMN code TYPE varchar(10);\n");
  return root;
}

const options = { files: ["V*.sql"], schemaFiles: ["schema/*.sql"] };

describe("the cached schema of unchanged leading files", () => {
  it("judges the new file against the cached schema, with the findings of a full replay", async () => {
    const root = history();
    const replayed = await judgeMigrations(bundle, root, options);
    expect(replayed.stats.contextFilesFromCache).toBeUndefined();
    // The old type is known only from the replayed schema: shortening varchar(20) to varchar(10) rewrites.
    expect(places(replayed).join("\n")).toMatch(/MIG-006@V1__widen\.sql:4 .*varchar\(20\)/);
    expect(entries()).toHaveLength(1);

    const cached = await judgeMigrations(bundle, root, options);
    expect(cached.stats.contextFilesFromCache).toBe(40);
    expect(places(cached)).toEqual(places(replayed));
  });

  it("replays again when an earlier file changes, and judges against the new schema", async () => {
    const root = history();
    await judgeMigrations(bundle, root, options);
    writeFileSync(join(root, "schema", "007.sql"), "CREATE TABLE t7 (id bigint PRIMARY KEY, code text);\n");
    const changed = await judgeMigrations(bundle, root, options);
    expect(changed.stats.contextFilesFromCache).toBeUndefined();
    expect(places(changed).join("\n")).toMatch(/MIG-006@V1__widen\.sql:4 .*\btext\b/);
    expect(places(changed).join("\n")).not.toMatch(/varchar\(20\)/);
    expect(entries()).toHaveLength(2);
  });

  it("ignores and replaces an entry it cannot read", async () => {
    const root = history();
    const replayed = await judgeMigrations(bundle, root, options);
    const [entry] = entries();
    writeFileSync(join(cache, "resilience-gates", "migrations-schema", entry as string), '{"format": "schema-cache 1", "tables": [[');
    const again = await judgeMigrations(bundle, root, options);
    expect(again.error).toBeUndefined();
    expect(again.stats.contextFilesFromCache).toBeUndefined();
    expect(places(again)).toEqual(places(replayed));
    expect((await judgeMigrations(bundle, root, options)).stats.contextFilesFromCache).toBe(40);
  });

  it("keeps nothing with RESILIENCE_GATES_CACHE=off", async () => {
    process.env.RESILIENCE_GATES_CACHE = "off";
    const root = history();
    await judgeMigrations(bundle, root, options);
    expect(entries()).toEqual([]);
  });

  it("caches the history before the files added since --base", async () => {
    const root = mkdtempSync(join(tmpdir(), "rg-cache-git-"));
    scratch.push(root);
    const git = (...args: string[]) =>
      execFileSync("git", args, { cwd: root, env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@e", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@e" } });
    git("init", "-q", "-b", "main");
    for (let n = 1; n <= 40; n++) writeFileSync(join(root, `V${n}__t${n}.sql`), `CREATE TABLE t${n} (id bigint PRIMARY KEY, name varchar(50));\n`);
    git("add", ".");
    git("commit", "-q", "-m", "history");
    writeFileSync(join(root, "V41__shorten.sql"), "-- resilience-gates-rollback: none needed\nSET lock_timeout = '2s';\nSET statement_timeout = '1min';\nALTER TABLE t40 ALTER COLUMN name TYPE varchar(20);\n");
    const first = await judgeMigrations(bundle, root, { files: ["*.sql"], base: "main" });
    const second = await judgeMigrations(bundle, root, { files: ["*.sql"], base: "main" });
    expect(second.stats).toMatchObject({ files: 1, contextFiles: 40, contextFilesFromCache: 40 });
    expect(places(second)).toEqual(places(first));
    expect(places(second).join("\n")).toMatch(/MIG-006@V41__shorten\.sql:4 .*varchar\(50\)/);
  });
});
