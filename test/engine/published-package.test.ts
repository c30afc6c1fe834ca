// Custom policies from what npm publishes (package.json, bin, dist, policies, schemas; no node_modules)
// and from the action's dist: the capabilities file must come from dist/, not from node_modules.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inCi } from "../support/ci.js";
import { repoRoot } from "../support/cli.js";
import { runAction } from "../action/run-action.js";

const opa = join(repoRoot, ".tools", "bin", "opa");
const haveOpa = existsSync(opa);
const scratch = mkdtempSync(join(tmpdir(), "rg-published-"));
const installed = join(scratch, "node_modules", "resilience-gates");
/** What `uses: org/resilience-gates@v1` checks out: the repository's committed files, no node_modules. */
const actionCheckout = join(scratch, "action");

const RULE = `package resilience.security_context

import rego.v1

# METADATA
# title: Team label
# description: Every workload names its team.
# custom:
#   id: ACME-001
#   severity: block
#   remediation: Add metadata.labels.team.
#   docs: https://example.invalid/ACME-001
findings contains finding if {
	some workload in input.workloads
	not workload.labels.team
	finding := {"rule": "ACME-001", "message": sprintf("workload %s has no team label", [workload.name]), "workload": workload.id, "path": ["metadata"]}
}
`;

const MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
`;

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(scratch, "project-"));
  mkdirSync(join(root, ".git"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function runInstalled(cwd: string, args: string[]) {
  const run = spawnSync(process.execPath, [join(installed, "bin", "resilience-gates.js"), ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", XDG_CACHE_HOME: join(scratch, "cache"), PATH: `${join(repoRoot, ".tools", "bin")}:${process.env.PATH ?? ""}` },
  });
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

const CONFIG = "version: 1\npolicies: [policies]\ngates:\n  security-context:\n    manifests: ['deploy/*.yaml']\n";

beforeAll(() => {
  for (const part of ["package.json", "bin", "dist", "policies", "schemas"]) cpSync(join(repoRoot, part), join(installed, part), { recursive: true });
  for (const part of ["package.json", "action.yml", "dist", "policies", "schemas", "scripts/tool-versions.tsv"]) cpSync(join(repoRoot, part), join(actionCheckout, part), { recursive: true });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.skipIf(!haveOpa && !inCi)("custom policies outside a development checkout", () => {
  it("compile and judge from an installed copy of the package (no node_modules of its own)", () => {
    expect(existsSync(join(installed, "node_modules"))).toBe(false);
    const root = project({ ".resilience/gates.yaml": CONFIG, "policies/team.rego": RULE, "deploy/pod.yaml": MANIFEST });
    const run = runInstalled(root, ["check", "--format", "json"]);
    expect(run.stderr).not.toMatch(/internal error|ENOENT/);
    const report = JSON.parse(run.stdout) as { gates: { findings: { rule: string; location?: { file: string } }[] }[] };
    expect(report.gates[0]?.findings.map((finding) => finding.rule)).toContain("ACME-001");
    expect(run.status).toBe(1);
  }, 180_000);

  it("compile and judge from the action's dist", async () => {
    const root = project({ ".resilience/gates.yaml": CONFIG, "policies/team.rego": RULE, "deploy/pod.yaml": MANIFEST });
    const run = await runAction(
      root,
      { gates: "security-context", "github-token": "" },
      { PATH: `${join(repoRoot, ".tools", "bin")}:${process.env.PATH ?? ""}` },
      join(actionCheckout, "dist", "action.js"),
    );
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/internal error|ENOENT/);
    expect(`${run.stdout}${run.summary}`).toMatch(/ACME-001/);
  }, 180_000);

  it("show opa's own error, with file and line, for a Rego syntax error", () => {
    const root = project({ ".resilience/gates.yaml": CONFIG, "policies/broken.rego": "package resilience.security_context\n\nimport rego.v1\n\nfindings contains x if {\n  x :=\n}\n", "deploy/pod.yaml": MANIFEST });
    const run = runInstalled(root, ["check"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: policies\/broken\.rego:7: opa build failed: rego_parse_error: unexpected } token/m);
  }, 180_000);

  it("refuse a policy directory that is a link out of the repository", () => {
    const elsewhere = mkdtempSync(join(scratch, "elsewhere-"));
    writeFileSync(join(elsewhere, "team.rego"), RULE);
    const root = project({ ".resilience/gates.yaml": CONFIG, "deploy/pod.yaml": MANIFEST });
    symlinkSync(elsewhere, join(root, "policies"));
    const run = runInstalled(root, ["check"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`policy directory policies leads outside the repository (${root}): it is a symbolic link to ${elsewhere}`);
  }, 180_000);
});
