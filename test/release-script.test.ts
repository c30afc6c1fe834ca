// scripts/release.sh on a clone of this repository with a bare remote: what it refuses (each before it
// changes anything), the tags it pushes (vX.Y.Z, and vX moved), and the notes it writes.
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "./support/cli.js";

let scratch: string;
let clone: string;
let remote: string;

function run(command: string, args: string[], cwd = clone): { status: number; output: string } {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1" } });
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}
const git = (...args: string[]) => {
  const result = run("git", args);
  expect(result.status, result.output).toBe(0);
  return result.output.trim();
};
const release = (...args: string[]) => run("bash", ["scripts/release.sh", ...args]);

function commitVersion(version: string): void {
  const manifest = JSON.parse(readFileSync(join(clone, "package.json"), "utf8")) as { version: string };
  manifest.version = version;
  writeFileSync(join(clone, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  const changelog = readFileSync(join(clone, "CHANGELOG.md"), "utf8");
  writeFileSync(join(clone, "CHANGELOG.md"), changelog.replace("## [Unreleased]", `## [Unreleased]\n\n## [${version}] - 2026-12-03\n\n- Release ${version} of the test.`));
  git("commit", "-qam", `release ${version}`);
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "rg-release-"));
  clone = join(scratch, "repo");
  remote = join(scratch, "remote.git");
  expect(run("git", ["clone", "--quiet", repoRoot, clone], scratch).status).toBe(0);
  expect(run("git", ["init", "--quiet", "--bare", remote], scratch).status).toBe(0);
  git("remote", "set-url", "origin", remote);
  git("config", "user.name", "Release Test");
  git("config", "user.email", "release-test@example.invalid");
  // The build needs the dependencies and opa; both are this checkout's (ignored by git in the clone).
  symlinkSync(join(repoRoot, "node_modules"), join(clone, "node_modules"));
  symlinkSync(join(repoRoot, ".tools"), join(clone, ".tools"));
  // .gitignore's `node_modules/` matches directories only, not these links.
  appendFileSync(join(clone, ".git", "info", "exclude"), "/node_modules\n/.tools\n");
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("scripts/release.sh", () => {
  it("refuses, before changing anything: a malformed version, a package.json or CHANGELOG that does not say it, a dirty tree", () => {
    expect(release("1.2.3")).toMatchObject({ status: 1, output: expect.stringMatching(/the version must look like v1\.2\.3 .*got '1\.2\.3'/) });
    expect(release("v0.1.0").output).toMatch(/major 1 or more/);
    expect(release("v1.2.3").output).toMatch(/package\.json says version 0\.1\.0, not 1\.2\.3/);
    const manifest = JSON.parse(readFileSync(join(clone, "package.json"), "utf8")) as { version: string };
    writeFileSync(join(clone, "package.json"), `${JSON.stringify({ ...manifest, version: "1.2.3" }, null, 2)}\n`);
    expect(release("v1.2.3").output).toMatch(/the work tree is not clean/);
    git("commit", "-qam", "version only");
    expect(release("v1.2.3").output).toMatch(/CHANGELOG\.md has no '## \[1\.2\.3\]' section/);
    expect(release("v1.2.3", "--publish").output).toMatch(/unknown argument '--publish'/);
    expect(git("tag", "--list")).toBe("");
  });

  it("tags vX.Y.Z, moves vX, pushes both, writes the notes; never re-tags; moves vX on the next release", () => {
    git("reset", "--quiet", "--hard", "origin/HEAD");
    commitVersion("1.2.3");
    const first = release("v1.2.3", "--push");
    expect(first.status, first.output).toBe(0);
    const head = git("rev-parse", "HEAD");
    const remoteTags = (tag: string) => run("git", ["--git-dir", remote, "rev-parse", `${tag}^{commit}`], scratch).output.trim();
    expect(remoteTags("v1.2.3")).toBe(head);
    expect(remoteTags("v1")).toBe(head);
    expect(readFileSync(join(clone, ".work", "release-notes.md"), "utf8")).toContain("- Release 1.2.3 of the test.");
    expect(readFileSync(join(clone, ".work", "release-notes.md"), "utf8")).not.toContain("## [");
    expect(release("v1.2.3").output).toMatch(/tag v1\.2\.3 exists already/);

    commitVersion("1.2.4");
    const second = release("v1.2.4", "--push");
    expect(second.status, second.output).toBe(0);
    expect(remoteTags("v1")).toBe(git("rev-parse", "HEAD"));
    expect(remoteTags("v1.2.3")).toBe(head);
  }, 180_000);

  it("refuses a dist/ that differs from a fresh build, and tags nothing", () => {
    commitVersion("1.2.5");
    writeFileSync(join(clone, "dist", "licenses.txt"), "edited by hand\n");
    git("commit", "-qam", "dist edited by hand");
    const refused = release("v1.2.5");
    expect(refused.status).toBe(1);
    expect(refused.output).toMatch(/dist\/ differs from a fresh build/);
    expect(git("tag", "--list", "v1.2.5")).toBe("");
    expect(existsSync(join(clone, "dist", "licenses.txt"))).toBe(true);
  }, 180_000);
});
