import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const repoRoot = join(import.meta.dirname, "..", "..");
const cache = mkdtempSync(join(tmpdir(), "rg-cache-"));

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

interface CliOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

function spawnArgs(args: readonly string[], options: CliOptions) {
  return {
    command: process.execPath,
    args: [join(repoRoot, "bin", "resilience-gates.js"), ...args],
    options: { cwd: options.cwd ?? repoRoot, env: { ...process.env, NO_COLOR: "1", XDG_CACHE_HOME: cache, ...options.env } },
  };
}

/** Runs the built CLI (bin/ over dist/) the way a user does. */
export function runCli(args: readonly string[], options: CliOptions = {}): CliRun {
  const spawned = spawnArgs(args, options);
  const run = spawnSync(spawned.command, spawned.args, { ...spawned.options, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/** The same, without blocking the test's event loop: for a CLI that talks to a server the test runs. */
export function runCliAsync(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const spawned = spawnArgs(args, options);
  return new Promise((resolve, reject) => {
    const child = spawn(spawned.command, spawned.args, { ...spawned.options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ status: code ?? -1, stdout, stderr }));
  });
}
