import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeDirectories } from "../../src/engine/directories.js";
import { runCli } from "../support/cli.js";

const scratch = mkdtempSync(join(tmpdir(), "rg-dirs-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("makeDirectories", () => {
  it("creates every missing level, and accepts one that exists", () => {
    const deep = join(scratch, "a", "b", "c");
    makeDirectories(deep);
    makeDirectories(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
  });

  it("throws, never loops, where mkdir fails beneath a directory that exists (/proc) or under a file", () => {
    // Node's own recursive mkdirSync never returns for this path.
    expect(() => makeDirectories("/proc/1/resilience-gates-test/x")).toThrow(/ENOENT/);
    writeFileSync(join(scratch, "file"), "");
    expect(() => makeDirectories(join(scratch, "file", "below"))).toThrow(/ENOTDIR/);
  });

  it("drill keygen into such a place is an error naming the directory, not an internal error or a hang", () => {
    const run = runCli(["drill", "keygen", "--out", "/proc/1/resilience-gates-keys"]);
    expect(run.status).toBe(2);
    expect(run.stdout + run.stderr).toMatch(/cannot create the key directory \/proc\/1\/resilience-gates-keys: ENOENT/);
    expect(run.stdout + run.stderr).not.toMatch(/internal error/);
  });
});
