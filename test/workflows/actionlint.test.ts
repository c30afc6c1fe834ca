import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "../support/cli.js";

const actionlint = join(repoRoot, ".tools", "bin", "actionlint");
const GATES = ["security-context", "backups", "restore-proofs", "chaos-readiness", "migrations", "slo", "load-budget", "release", "readiness"];

function workflowFiles(): string[] {
  return [".github/workflows", "workflows"].flatMap((directory) =>
    readdirSync(join(repoRoot, directory))
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => `${directory}/${name}`),
  );
}

function lint(cwd: string, files: string[]): { status: number; output: string } {
  // A missing actionlint fails here (never a skip): scripts/bootstrap.sh builds it into .tools/bin.
  expect(existsSync(actionlint), `${actionlint} is missing; run scripts/bootstrap.sh`).toBe(true);
  const run = spawnSync(actionlint, ["-no-color", "-oneline", ...files], { cwd, encoding: "utf8" });
  return { status: run.status ?? -1, output: `${run.stdout}${run.stderr}` };
}

interface ActionMetadata {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
}

const metadata = (path: string) => parse(readFileSync(join(repoRoot, path), "utf8")) as ActionMetadata;

describe("action metadata", () => {
  it("has a description under the Marketplace's 125 characters, and a name, in every action.yml", () => {
    for (const path of ["action.yml", ...GATES.map((gate) => `actions/${gate}/action.yml`)]) {
      const { name, description } = parse(readFileSync(join(repoRoot, path), "utf8")) as { name?: string; description?: string };
      expect(name, path).toBeTruthy();
      expect(description?.length ?? 0, `${path}: ${description}`).toBeGreaterThan(20);
      expect(description?.length ?? 0, `${path}: ${description}`).toBeLessThan(125);
    }
  });
});

describe("workflows and actions pass actionlint", () => {
  it("every workflow in .github/workflows and workflows/", () => {
    const files = workflowFiles();
    expect(files).toEqual(expect.arrayContaining([".github/workflows/ci.yml", ".github/workflows/kind-e2e.yml", "workflows/pr-gates.yml", "workflows/release-gate.yml", "workflows/kind-e2e.yml"]));
    const result = lint(repoRoot, files);
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  });

  // actionlint checks an action's metadata (runs.using, that runs.main exists, the inputs) where a
  // workflow uses it locally; a workflow that uses every action with every input checks them all.
  const project = mkdtempSync(join(tmpdir(), "rg-actionlint-"));
  mkdirSync(join(project, ".git"));
  mkdirSync(join(project, ".github", "workflows"), { recursive: true });
  for (const entry of ["action.yml", "actions", "dist"]) symlinkSync(join(repoRoot, entry), join(project, entry));
  const uses = (path: string, inputs: Record<string, unknown>) =>
    `      - uses: ${path}\n        with:\n${Object.keys(inputs).map((name) => `          ${name}: x`).join("\n")}\n`;
  const steps = [uses("./", metadata("action.yml").inputs), ...GATES.map((gate) => uses(`./actions/${gate}`, metadata(`actions/${gate}/action.yml`).inputs))];
  const workflow = (body: string) => `on: push\npermissions:\n  contents: read\njobs:\n  every-action:\n    runs-on: ubuntu-latest\n    steps:\n${body}`;

  it("action.yml and every actions/<gate>/action.yml", () => {
    writeFileSync(join(project, ".github", "workflows", "every-action.yml"), workflow(steps.join("")));
    const result = lint(project, [".github/workflows/every-action.yml"]);
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  });

  it("the check bites: an input the action does not define is reported", () => {
    writeFileSync(join(project, ".github", "workflows", "every-action.yml"), workflow(uses("./actions/release", { gate: 1, bogus: 1 })));
    const result = lint(project, [".github/workflows/every-action.yml"]);
    expect(result.status).toBe(1);
    expect(result.output).toContain('input "bogus" is not defined in action "resilience-gates release"');
  });
});

describe("action metadata", () => {
  it("the root action runs dist/action.js on node24 with the documented inputs and one verdict output per gate", () => {
    const root = metadata("action.yml");
    expect(root.runs).toEqual({ using: "node24", main: "dist/action.js" });
    for (const input of ["config", "gates", "fail-on", "github-token", "sarif-file", "comment"]) expect(Object.keys(root.inputs)).toContain(input);
    expect(root.inputs["fail-on"]!.default).toBe("block");
    expect(root.inputs["github-token"]!.default).toBe("${{ github.token }}");
    for (const output of ["verdict", "report-path", ...GATES.map((gate) => `verdict-${gate}`)]) expect(Object.keys(root.outputs)).toContain(output);
  });

  it("each gate's action runs the same bundle with its gate fixed", () => {
    for (const gate of GATES) {
      const action = metadata(`actions/${gate}/action.yml`);
      expect(action.runs).toEqual({ using: "node24", main: "../../dist/action.js" });
      expect(action.inputs.gate!.default).toBe(gate);
      expect(Object.keys(action.outputs)).toEqual(expect.arrayContaining(["verdict", "report-path"]));
    }
    expect(readdirSync(join(repoRoot, "actions")).sort()).toEqual([...GATES].sort());
  });
});

describe("workflow permissions", () => {
  it.each(workflowFiles())("%s starts with a comment naming its permissions, and asks for no more", (file) => {
    const text = readFileSync(join(repoRoot, file), "utf8");
    expect(text.startsWith("#")).toBe(true);
    const header = text.split("\n").filter((line) => line.startsWith("#")).join("\n");
    const doc = parse(text) as { permissions?: Record<string, string>; jobs: Record<string, { permissions?: Record<string, string>; steps?: { uses?: string; with?: Record<string, unknown> }[] }> };
    const granted = { ...doc.permissions, ...Object.assign({}, ...Object.values(doc.jobs).map((job) => job.permissions ?? {})) } as Record<string, string>;
    expect(doc.permissions, "top-level permissions").toBeDefined();
    for (const [scope, level] of Object.entries(granted)) {
      expect(header, `${scope}: ${level} is named in the header comment`).toContain(`${scope}: ${level}`);
    }
    // Only the release workflow writes contents: it pushes the tags and creates the release.
    expect(granted.contents).toBe(file === ".github/workflows/release.yml" ? "write" : "read");
    const steps = Object.values(doc.jobs).flatMap((job) => job.steps ?? []);
    const comments = steps.some((step) => step.with?.comment !== undefined && step.with.comment !== false && step.with.comment !== "false");
    const sarif = steps.some((step) => step.uses?.startsWith("github/codeql-action/upload-sarif"));
    expect(granted["pull-requests"] === "write", "pull-requests: write only for comments").toBe(comments);
    expect(granted["security-events"] === "write", "security-events: write only for SARIF").toBe(sarif);
    const downloads = steps.some((step) => step.uses?.startsWith("actions/download-artifact") || /\bgh run download\b/.test((step as { run?: string }).run ?? ""));
    expect(granted.actions === "read", "actions: read only to download artifacts (evidence)").toBe(downloads);
    for (const scope of Object.keys(granted)) expect(["contents", "checks", "pull-requests", "security-events", "actions"]).toContain(scope);
  });
});
