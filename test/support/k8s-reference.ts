import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { join } from "node:path";
import { inCi } from "./ci.js";
import { repoRoot } from "./cli.js";

/** tools/k8s-reference, built by `bash scripts/bootstrap.sh k8s-reference`; undefined when it is not built. */
export function k8sReference(): string | undefined {
  const binary = join(repoRoot, ".tools", "bin", "k8s-reference");
  try {
    accessSync(binary, constants.X_OK);
    return binary;
  } catch {
    if (inCi) throw new Error(`${binary} is missing: run bash scripts/bootstrap.sh k8s-reference`);
    return undefined;
  }
}

/** Sends every request to one k8s-reference process (one JSON line each) and returns its answers in order. */
export async function askReference<Answer>(binary: string, mode: "yaml" | "psa", requests: readonly unknown[]): Promise<Answer[]> {
  const child = spawn(binary, [mode], { stdio: ["pipe", "pipe", "pipe"] });
  const chunks: Buffer[] = [];
  const errors: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => errors.push(chunk));
  const exited = new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? -1));
  });
  child.stdin.end(requests.map((request) => JSON.stringify(request)).join("\n") + "\n");
  const code = await exited;
  if (code !== 0) throw new Error(`k8s-reference ${mode} exited ${code}: ${Buffer.concat(errors).toString()}`);
  const lines = Buffer.concat(chunks).toString("utf8").split("\n").filter((line) => line !== "");
  if (lines.length !== requests.length) throw new Error(`k8s-reference answered ${lines.length} of ${requests.length} requests`);
  return lines.map((line) => JSON.parse(line) as Answer);
}
