import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigurationError } from "../../src/engine/errors.js";
import { expandGlobs, filesBelow, ReadBudget, readTextFile, resolveInside, type Workspace } from "../../src/sources/files.js";
import { expandJsonInputs } from "../../src/sources/json.js";

let scratch: string;
let repo: string;
let outside: string;
const workspace = (): Workspace => ({ root: repo, base: repo });

function errorOf(run: () => unknown): ConfigurationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  throw new Error("expected a ConfigurationError");
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "rg-files-"));
  repo = join(scratch, "repo");
  outside = join(scratch, "outside");
  mkdirSync(join(repo, ".git"), { recursive: true });
  mkdirSync(join(repo, "deploy", "real"), { recursive: true });
  mkdirSync(join(repo, "evidence", "nested"), { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(outside, "secret.yaml"), "kind: Secret\n");
  writeFileSync(join(outside, "forged.json"), "{}\n");
  writeFileSync(join(repo, "deploy", "real", "ok.yaml"), "kind: ConfigMap\n");
  symlinkSync(join(outside, "secret.yaml"), join(repo, "deploy", "leak.yaml"));
  symlinkSync(outside, join(repo, "deploy", "elsewhere"));
  symlinkSync(join(repo, "deploy", "real"), join(repo, "deploy", "alias"));
  writeFileSync(join(repo, "evidence", "nested", "a.json"), "{}\n");
  symlinkSync(join(repo, "evidence", "nested", "a.json"), join(repo, "evidence", "linked.json"));
  symlinkSync(join(repo, "evidence", "missing.json"), join(repo, "evidence", "dangling.json"));
  symlinkSync(join(repo, "evidence"), join(repo, "evidence", "nested", "loop"));
  execFileSync("mkfifo", [join(repo, "deploy", "pipe.yaml")]);
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the repository boundary, by real path", () => {
  it("refuses a file that is a link out of the repository, saying where it points", () => {
    const error = errorOf(() => resolveInside(workspace(), "deploy/leak.yaml", "manifest"));
    expect(error.message).toBe(
      `deploy/leak.yaml:1: manifest deploy/leak.yaml leads outside the repository (${repo}): it is a symbolic link to ${join(outside, "secret.yaml")}; only files inside it are read`,
    );
  });

  it("names the directory link a path goes through", () => {
    const error = errorOf(() => resolveInside(workspace(), "deploy/elsewhere/secret.yaml", "manifest"));
    expect(error.message).toContain(`deploy/elsewhere is a symbolic link to ${outside}`);
  });

  it("lists glob matches that leave the repository, so that reading refuses each by name; follows links that stay inside", () => {
    const all = expandGlobs(workspace(), ["deploy/**/*.yaml"], { what: "manifest" });
    expect(all).toEqual(expect.arrayContaining([join(repo, "deploy", "leak.yaml"), join(repo, "deploy", "real", "ok.yaml"), join(repo, "deploy", "pipe.yaml")]));
    expect(() => readTextFile(workspace(), join(repo, "deploy", "leak.yaml"), "deploy/leak.yaml")).toThrow(/deploy\/leak\.yaml:1: .*leads outside the repository/);
    const inside = expandGlobs(workspace(), ["deploy/alias/*.yaml"], { what: "manifest" });
    expect(inside).toEqual([join(repo, "deploy", "alias", "ok.yaml")]);
  });

  it("allows paths outside when they were typed on the command line", () => {
    const commandLine = { ...workspace(), commandLine: true };
    expect(resolveInside(commandLine, join(outside, "secret.yaml"), "manifest")).toBe(join(outside, "secret.yaml"));
    expect(readTextFile(commandLine, join(repo, "deploy", "leak.yaml"), "deploy/leak.yaml")).toBe("kind: Secret\n");
    expect(() => resolveInside(workspace(), join(outside, "secret.yaml"), "manifest")).toThrow(/is outside the repository/);
  });
});

describe("what may be read", () => {
  it("refuses a FIFO, a device and a directory without blocking, naming the file", () => {
    const started = Date.now();
    expect(errorOf(() => readTextFile(workspace(), join(repo, "deploy", "pipe.yaml"), "deploy/pipe.yaml")).message).toBe(
      "deploy/pipe.yaml:1: deploy/pipe.yaml is a FIFO (named pipe) where a regular file was expected",
    );
    expect(errorOf(() => readTextFile({ ...workspace(), commandLine: true }, "/dev/zero", "/dev/zero")).message).toBe(
      "/dev/zero:1: /dev/zero is a device where a regular file was expected",
    );
    expect(errorOf(() => readTextFile(workspace(), join(repo, "deploy"), "deploy")).message).toBe("deploy:1: deploy is a directory where a regular file was expected");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("names a dangling link and where it pointed", () => {
    expect(errorOf(() => readTextFile(workspace(), join(repo, "evidence", "dangling.json"), "evidence/dangling.json")).message).toBe(
      `evidence/dangling.json:1: evidence/dangling.json is a symbolic link to ${join(repo, "evidence", "missing.json")}, which does not exist (a dangling link)`,
    );
  });

  it("bounds each file and the whole run, with the limit in the message", () => {
    const big = join(repo, "big");
    mkdirSync(big, { recursive: true });
    for (let n = 0; n < 4; n++) writeFileSync(join(big, `${n}.yaml`), Buffer.alloc(3 * 1024 * 1024, "#"));
    const budgeted: Workspace = { ...workspace(), reads: new ReadBudget({ maxFileBytes: 4 * 1024 * 1024, maxTotalBytes: 10 * 1024 * 1024 }) };
    for (let n = 0; n < 3; n++) readTextFile(budgeted, join(big, `${n}.yaml`), `big/${n}.yaml`);
    expect(errorOf(() => readTextFile(budgeted, join(big, "3.yaml"), "big/3.yaml")).message).toBe(
      "big/3.yaml:1: reading big/3.yaml (3.0 MiB) would bring this run's input to 12.0 MiB; the limit for all files of one run is 10 MiB (limits.maxTotalBytes in the config)",
    );
    const small: Workspace = { ...workspace(), reads: new ReadBudget({ maxFileBytes: 1024 * 1024, maxTotalBytes: 10 * 1024 * 1024 }) };
    expect(errorOf(() => readTextFile(small, join(big, "0.yaml"), "big/0.yaml")).message).toBe(
      "big/0.yaml:1: big/0.yaml is 3.0 MiB; files larger than 1 MiB are refused (limits.maxFileBytes in the config)",
    );
  });
});

describe("glob matches the walker passes over", () => {
  it("keeps a FIFO, a dangling link and a directory named like a file, so that reading names each; a bare * passes over directories", () => {
    const base = join(repo, "db");
    mkdirSync(join(base, "folder.sql"), { recursive: true });
    writeFileSync(join(base, "001.sql"), "SELECT 1;\n");
    execFileSync("mkfifo", [join(base, "002.sql")]);
    symlinkSync(join(base, "gone.sql"), join(base, "003.sql"));
    expect(expandGlobs(workspace(), ["db/*.sql"], { what: "migration" })).toEqual(["001.sql", "002.sql", "003.sql", "folder.sql"].map((name) => join(base, name)));
    expect(expandGlobs(workspace(), ["db/*"], { what: "migration" })).toEqual(["001.sql", "002.sql", "003.sql"].map((name) => join(base, name)));
    expect(() => readTextFile(workspace(), join(base, "002.sql"), "db/002.sql")).toThrow(/db\/002\.sql.*FIFO|db\/002\.sql.*not a regular file/);
  });
});

describe("directory listings", () => {
  it("follows links inside, lists dangling ones, walks a loop once", () => {
    const found = filesBelow(workspace(), join(repo, "evidence"), (name) => name.endsWith(".json"), "evidence");
    expect(found.map((file) => file.slice(repo.length + 1))).toEqual(["evidence/dangling.json", "evidence/linked.json", "evidence/nested/a.json"]);
  });

  it("lists links that leave the repository (to a file or a directory), so that reading each refuses it by name while the others are read", () => {
    const evidence = join(repo, "proofs");
    mkdirSync(evidence, { recursive: true });
    symlinkSync(join(outside, "forged.json"), join(evidence, "forged.json"));
    symlinkSync(outside, join(evidence, "elsewhere"));
    writeFileSync(join(evidence, "real.json"), "{}\n");
    const listed = expandJsonInputs(workspace(), ["proofs"], "proofs");
    expect(listed.map((file) => file.slice(repo.length + 1))).toEqual(["proofs/elsewhere", "proofs/forged.json", "proofs/real.json"]);
    expect(() => readTextFile(workspace(), join(evidence, "forged.json"), "proofs/forged.json")).toThrow(/proofs\/forged\.json leads outside the repository/);
    expect(() => readTextFile(workspace(), join(evidence, "elsewhere"), "proofs/elsewhere")).toThrow(/proofs\/elsewhere leads outside the repository/);
    expect(readTextFile(workspace(), join(evidence, "real.json"), "proofs/real.json")).toBe("{}\n");
  });
});
