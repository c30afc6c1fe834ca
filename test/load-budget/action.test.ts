// actions/load-budget and actions/slo: the bundled action, run as a runner runs it, with the gate fixed by
// each action.yml and its inputs in gates.<id> of the config.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runAction, workspace } from "../action/run-action.js";
import { repoRoot } from "../support/cli.js";

function fixedGate(action: string): string {
  const metadata = parse(readFileSync(join(repoRoot, "actions", action, "action.yml"), "utf8")) as { inputs: { gate: { default: string } } };
  return metadata.inputs.gate.default;
}

const FILES = {
  ".resilience/load-budgets.yaml": "fixtures/load-budget/data/budgets.yaml",
  ".resilience/slos.yaml": "fixtures/slo/data/slos.yaml",
  "k6/healthy.json": "fixtures/load-budget/data/healthy.json",
  "k6/slow.json": "fixtures/load-budget/data/slow.json",
};

describe("the per-gate actions of load-budget and slo", () => {
  it("actions/load-budget blocks a run over budget, with the finding's line in the report", async () => {
    expect(fixedGate("load-budget")).toBe("load-budget");
    const cwd = workspace("version: 1\ngates:\n  load-budget:\n    summary: k6/slow.json\n", FILES);
    const run = await runAction(cwd, { gate: fixedGate("load-budget"), checks: "false" });
    expect(run.status, run.stdout).toBe(1);
    expect(run.outputs).toMatchObject({ verdict: "block", "verdict-load-budget": "block" });
    const report = JSON.parse(readFileSync(run.outputs["report-path"] as string, "utf8")) as { gates: { findings: { rule: string; location?: { file: string; line: number } }[] }[] };
    expect(report.gates[0]?.findings.find((f) => f.rule === "LB-001")?.location).toMatchObject({ file: ".resilience/load-budgets.yaml", line: 9 });
  });

  it("actions/slo passes a healthy run measured from its k6 summary", async () => {
    expect(fixedGate("slo")).toBe("slo");
    const cwd = workspace("version: 1\ngates:\n  slo:\n    summary: k6/healthy.json\n", FILES);
    const run = await runAction(cwd, { gate: fixedGate("slo"), checks: "false" });
    expect(run.status, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ verdict: "pass", "verdict-slo": "pass" });
  });
});
