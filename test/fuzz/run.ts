// Runs fuzz cases through the built CLI in a child process and judges each against the oracles:
// exit code 0, 1 or 2; no stack trace or internal error; no hang (a per-case limit); the file or option at
// fault named when the gate cannot run; no pass for a mutation that must not pass; no secret in output.
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FuzzCase } from "./cases.js";
import { materialize } from "./materialize.js";

/** Put in the environment of every case: it must never show in any output. */
export const SECRET_MARKER = "ghp_FUZZ0SECRET0TOKEN0MUST0NOT0LEAK";

export type Violation = "bad exit code" | "stack trace" | "hang" | "unnamed error" | "silent pass" | "secret in output";

export interface CaseResult {
  testCase: FuzzCase;
  code: number | "hang";
  output: string;
  violations: Violation[];
}

const STACK = /\n\s+at .+[(\s].*:\d+:\d+\)?/;

function judge(testCase: FuzzCase, code: number | "hang", output: string, names: string[], mustNotPass: boolean): Violation[] {
  const violations: Violation[] = [];
  if (code === "hang") return ["hang"];
  if (![0, 1, 2].includes(code)) violations.push("bad exit code");
  if (STACK.test(output) || /internal error/.test(output)) violations.push("stack trace");
  if (code === 2 && !names.some((name) => output.includes(name))) violations.push("unnamed error");
  if (code === 0 && mustNotPass) violations.push("silent pass");
  if (output.includes(SECRET_MARKER)) violations.push("secret in output");
  return violations;
}

interface Worker {
  child: ChildProcess;
  ready: Promise<void>;
}

function startWorker(): Worker {
  const child = fork(join(import.meta.dirname, "child.mjs"), [], {
    stdio: ["ignore", "ignore", "pipe", "ipc"],
    env: { ...process.env, GITHUB_TOKEN: SECRET_MARKER, NO_COLOR: "1", CI: "" },
  });
  const ready = new Promise<void>((resolve) => child.once("message", () => resolve()));
  return { child, ready };
}

/** Runs every case; `onResult` sees each as it ends (for progress). */
export async function runFuzz(cases: readonly FuzzCase[], options: { timeoutMs?: number; onResult?: (result: CaseResult, done: number) => void } = {}): Promise<CaseResult[]> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const work = mkdtempSync(join(tmpdir(), "rg-fuzz-"));
  const results: CaseResult[] = [];
  let worker = startWorker();
  try {
    for (const testCase of cases) {
      const { directory, names, mustNotPass } = materialize(testCase, work);
      await worker.ready;
      const args = ["check", testCase.gate, "--now", "2026-11-01T00:00:00Z"];
      const reply = await new Promise<{ code: number | "hang"; output: string }>((resolve) => {
        const timer = setTimeout(() => {
          worker.child.removeAllListeners("message");
          worker.child.kill("SIGKILL");
          resolve({ code: "hang", output: "" });
        }, timeoutMs);
        worker.child.once("message", (message: { code: number; output: string }) => {
          clearTimeout(timer);
          resolve(message);
        });
        worker.child.send({ id: testCase.id, cwd: directory, args });
      });
      if (reply.code === "hang") worker = startWorker();
      const result: CaseResult = { testCase, code: reply.code, output: reply.output, violations: judge(testCase, reply.code, reply.output, names, mustNotPass) };
      results.push(result);
      options.onResult?.(result, results.length);
      rmSync(directory, { recursive: true, force: true });
    }
  } finally {
    worker.child.kill("SIGKILL");
    rmSync(work, { recursive: true, force: true });
  }
  return results;
}

/** Cases and outcomes per gate, and every violation with the case that shows it. */
export function summarize(results: readonly CaseResult[]): string {
  const gates = new Map<string, { cases: number; exits: Record<string, number>; violations: number }>();
  for (const { testCase, code, violations } of results) {
    const row = gates.get(testCase.gate) ?? { cases: 0, exits: {}, violations: 0 };
    row.cases++;
    row.exits[String(code)] = (row.exits[String(code)] ?? 0) + 1;
    row.violations += violations.length;
    gates.set(testCase.gate, row);
  }
  const lines = ["gate               cases  exit 0  exit 1  exit 2  violations"];
  for (const [gate, row] of gates) {
    lines.push(`${gate.padEnd(19)}${String(row.cases).padStart(5)}${String(row.exits["0"] ?? 0).padStart(8)}${String(row.exits["1"] ?? 0).padStart(8)}${String(row.exits["2"] ?? 0).padStart(8)}${String(row.violations).padStart(12)}`);
  }
  for (const { testCase, violations, output, code } of results.filter((result) => result.violations.length > 0)) {
    lines.push(`case ${testCase.id} ${testCase.gate} ${testCase.mutation.kind} of ${testCase.target} (${JSON.stringify(testCase.mutation)}): ${violations.join(", ")}; exit ${code}; ${output.trim().split("\n").slice(-3).join(" | ").slice(0, 400)}`);
  }
  return lines.join("\n");
}
