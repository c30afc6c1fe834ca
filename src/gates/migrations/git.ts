// `--base REF`: which migration files are new (or edited) relative to a git ref.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { CollectorError } from "../../engine/errors.js";
import { childEnv } from "../../sources/tools.js";

export interface BaseDiff {
  /** Absolute paths of files added since the merge base (committed, staged, unstaged or untracked). */
  added: Set<string>;
  /** Absolute paths of files that existed at the merge base and were modified since. */
  modified: Set<string>;
}

function git(cwd: string, args: string[]): { status: number; stdout: string; stderr: string } {
  const run = spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: childEnv() });
  if (run.error) {
    const code = (run.error as NodeJS.ErrnoException).code;
    throw new CollectorError(code === "ENOENT" ? "--base needs git, which is not on PATH" : `git failed: ${run.error.message}`);
  }
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr.trim() };
}

const names = (stdout: string, top: string): string[] =>
  stdout
    .split("\0")
    .filter(Boolean)
    .map((name) => resolve(top, name));

/**
 * Files added and modified relative to `ref`, the way a pull request sees them: against the merge base of
 * `ref` and HEAD (`git diff REF...`), plus what the working tree adds on top, so a run before committing
 * judges the same files.
 */
export function diffAgainstBase(cwd: string, ref: string): BaseDiff {
  const top = git(cwd, ["rev-parse", "--show-toplevel"]);
  if (top.status !== 0) throw new CollectorError(`--base ${ref}: ${cwd} is not inside a git repository (${top.stderr || "git rev-parse failed"})`);
  const root = top.stdout.trim();
  const verify = git(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  if (verify.status !== 0) {
    throw new CollectorError(`--base ${ref}: unknown git ref; fetch it first (for example \`git fetch origin ${ref.replace(/^origin\//, "")}\`, or actions/checkout with fetch-depth: 0)`);
  }
  const mergeBase = git(root, ["merge-base", ref, "HEAD"]);
  if (mergeBase.status !== 0) {
    throw new CollectorError(`--base ${ref}: no common history with HEAD (a shallow clone? use actions/checkout with fetch-depth: 0): ${mergeBase.stderr}`);
  }
  const base = mergeBase.stdout.trim();
  const diff = (filter: string, extra: string[]) => {
    const run = git(root, ["diff", "--name-only", "-z", "--no-renames", `--diff-filter=${filter}`, ...extra]);
    if (run.status !== 0) throw new CollectorError(`git diff against ${ref} failed: ${run.stderr}`);
    return names(run.stdout, root);
  };
  const added = new Set([...diff("A", [`${ref}...`]), ...diff("A", [base])]);
  const untracked = git(root, ["ls-files", "--others", "--exclude-standard", "-z"]);
  if (untracked.status === 0) for (const name of names(untracked.stdout, root)) added.add(name);
  const modified = new Set([...diff("M", [`${ref}...`]), ...diff("M", [base])].filter((name) => !added.has(name)));
  return { added, modified };
}
