// Test support: runs the bundled action (dist/action.js) the way a runner does.
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { repoRoot } from "../support/cli.js";

export interface ActionRun {
  status: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** A throwaway repository: `.git`, `.resilience/gates.yaml` and the given files copied from the repo. */
export function workspace(config: string, files: Record<string, string> = {}, extra: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), "rg-action-ws-"));
  mkdirSync(join(root, ".git"));
  mkdirSync(join(root, ".resilience"));
  writeFileSync(join(root, ".resilience", "gates.yaml"), config);
  for (const [target, source] of Object.entries(files)) {
    mkdirSync(dirname(join(root, target)), { recursive: true });
    copyFileSync(join(repoRoot, source), join(root, target));
  }
  for (const [target, text] of Object.entries(extra)) {
    mkdirSync(dirname(join(root, target)), { recursive: true });
    writeFileSync(join(root, target), text);
  }
  return root;
}

/** `name<<DELIMITER\nvalue\nDELIMITER` blocks, as @actions/core writes them to GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i += 1) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (match) {
      const [, name, delimiter] = match;
      const value: string[] = [];
      for (i += 1; i < lines.length && lines[i] !== delimiter; i += 1) value.push(lines[i]!);
      outputs[name!] = value.join("\n");
    } else if (lines[i]!.includes("=")) {
      const [name, ...rest] = lines[i]!.split("=");
      outputs[name!] = rest.join("=");
    }
  }
  return outputs;
}

/**
 * Runs `node dist/action.js` in `cwd` with INPUT_* from `inputs` (named as in action.yml), the GITHUB_*
 * environment of a pull_request run, and real GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files.
 * Asynchronous, so a local API server in this process can answer it.
 */
export async function runAction(
  cwd: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  script = join(repoRoot, "dist", "action.js"),
): Promise<ActionRun> {
  const runner = mkdtempSync(join(tmpdir(), "rg-action-runner-"));
  const output = join(runner, "output");
  const summary = join(runner, "summary");
  const event = join(runner, "event.json");
  writeFileSync(output, "");
  writeFileSync(summary, "");
  writeFileSync(event, JSON.stringify({ number: 12, pull_request: { number: 12, head: { sha: "4f2a9c0e1b7d3a5c6e8f0a1b2c3d4e5f6a7b8c9d" } } }));
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.replace(/ /g, "_").toUpperCase()}`, value]));
  const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("GITHUB_") && !key.startsWith("INPUT_") && !key.startsWith("RUNNER_")));
  const run = await runNode(script, cwd, {
    ...cleanEnv,
    XDG_CACHE_HOME: join(runner, "cache"),
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: cwd,
    GITHUB_REPOSITORY: "acme/shop",
    GITHUB_SHA: "9999999999999999999999999999999999999999",
    GITHUB_REF: "refs/pull/12/merge",
    GITHUB_EVENT_NAME: "pull_request",
    GITHUB_EVENT_PATH: event,
    GITHUB_SERVER_URL: "https://github.example",
    GITHUB_API_URL: "http://127.0.0.1:9",
    GITHUB_RUN_ID: "77",
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    RUNNER_TEMP: runner,
    ...inputEnv,
    ...env,
  });
  return { ...run, outputs: parseOutputFile(readFileSync(output, "utf8")), summary: readFileSync(summary, "utf8") };
}

/** `node script` in `cwd` with exactly `env`, without blocking the event loop (a server in this process answers it). */
export async function runNode(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [script], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const status = await new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? -1)));
  return { status, stdout, stderr };
}
