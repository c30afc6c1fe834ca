import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedConfig } from "../../src/config/load.js";
import { compilePolicies } from "../../src/engine/bundle.js";
import { ConfigurationError } from "../../src/engine/errors.js";
import { silentLogger } from "../../src/engine/logger.js";
import { PolicyBundle } from "../../src/engine/policy.js";
import { runGates } from "../../src/engine/run.js";

const scratch = mkdtempSync(join(tmpdir(), "rg-engine-"));
const policyDir = join(scratch, "policies");
const now = new Date("2026-11-22T12:00:00Z");

const RULE = `package resilience.security_context

# METADATA
# title: Privileged container
# description: A privileged container has every capability of the host.
# custom:
#   id: TEST-001
#   severity: block
#   remediation: Remove securityContext.privileged.
#   docs: https://example.invalid/TEST-001
findings contains finding if {
	some workload in input.workloads
	some i, container in workload.template.spec.containers
	container.securityContext.privileged == true
	finding := {
		"rule": "TEST-001",
		"message": sprintf("container %s is privileged", [container.name]),
		"workload": workload.id,
		"path": ["spec", "containers", i, "securityContext", "privileged"],
	}
}

# METADATA
# title: No memory limit
# description: Without a memory limit one pod can starve its node.
# custom:
#   id: TEST-002
#   severity: warn
#   remediation: Set resources.limits.memory.
#   docs: https://example.invalid/TEST-002
findings contains finding if {
	some workload in input.workloads
	some i, container in workload.template.spec.containers
	not container.resources.limits.memory
	finding := {
		"rule": "TEST-002",
		"message": sprintf("container %s has no memory limit", [container.name]),
		"workload": workload.id,
		"path": ["spec", "containers", i, "resources", "limits", "memory"],
	}
}
`;

const MANIFEST = `# two workloads
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: prod
spec:
  template:
    spec:
      containers:
        - name: app
          image: app:1.0
          securityContext:
            privileged: true
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
  annotations:
    resilience-gates.io/waivers: '[{"rule":"TEST-002","reason":"batch job sized by the scheduler","owner":"team-data","expires":"2026-12-01"}]'
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: job
              image: job:1.0
`;

let bundle: PolicyBundle;

function config(waivers?: string): LoadedConfig {
  const root = join(scratch, "repo");
  return { workspace: { root, base: root }, gates: {}, policies: [], rules: {}, ...(waivers ? { waiversFile: waivers } : {}) };
}

beforeAll(async () => {
  mkdirSync(policyDir, { recursive: true });
  writeFileSync(join(policyDir, "test.rego"), RULE);
  mkdirSync(join(scratch, "repo", "deploy"), { recursive: true });
  writeFileSync(join(scratch, "repo", "deploy", "app.yaml"), MANIFEST);
  const compiled = await compilePolicies([policyDir], ["security-context"], scratch);
  bundle = await PolicyBundle.load(compiled.wasm, compiled.rules, "test");
});

describe("engine on a compiled policy", () => {
  it("extracts METADATA into the catalog", () => {
    expect(bundle.catalog.get("TEST-001")).toMatchObject({ gate: "security-context", severity: "block", title: "Privileged container" });
  });

  it("turns policy findings into located findings, applies annotation waivers, and decides the verdict", async () => {
    const report = await runGates(
      { config: config(), gates: [["security-context", { manifests: ["deploy/*.yaml"] }]], now, logger: silentLogger },
      bundle,
    );
    const [gate] = report.gates;
    expect(report.verdict).toBe("block");
    expect(gate?.findings.map((f) => [f.rule, f.severity, f.location?.line, f.location?.column, f.resource?.name])).toEqual([
      ["TEST-002", "warn", 11, 11, "api"],
      ["TEST-001", "block", 14, 13, "api"],
    ]);
    expect(gate?.findings[1]).toMatchObject({
      message: "container app is privileged",
      location: { file: "deploy/app.yaml" },
      remediation: "Remove securityContext.privileged.",
      resource: { kind: "Deployment", name: "api", namespace: "prod" },
    });
    expect(gate?.waived).toHaveLength(1);
    expect(gate?.waived[0]?.finding).toMatchObject({ rule: "TEST-002", resource: { kind: "CronJob", name: "nightly" }, location: { line: 29 } });
    expect(gate?.stats).toMatchObject({ files: 1, workloads: 2, findings: 2, waived: 1 });
  });

  it("applies file waivers, and blocks on expired, too-distant and unknown-rule waivers at their lines", async () => {
    const waivers = join(scratch, "repo", "waivers.yaml");
    writeFileSync(
      waivers,
      [
        "waivers:",
        "  - rule: TEST-001",
        "    resource: { kind: Deployment, name: api }",
        "    reason: the CNI agent needs the host network stack",
        "    owner: team-net",
        "    expires: 2026-12-20",
        "  - rule: TEST-002",
        "    file: deploy/*.yaml",
        "    reason: memory limits arrive with the next chart",
        "    owner: team-app",
        "    expires: 2026-11-01",
        "  - rule: TEST-002",
        "    file: other/*.yaml",
        "    reason: a waiver for far in the future",
        "    owner: team-app",
        "    expires: 2027-06-01",
        "  - rule: NOPE-001",
        "    file: '**'",
        "    reason: a typo in the rule id",
        "    owner: team-app",
        "    expires: 2026-12-01",
        "  - rule: TEST-001",
        "    reason: no match given at all",
        "    owner: team-app",
        "    expires: 2026-12-01",
        "",
      ].join("\n"),
    );
    const report = await runGates(
      { config: config(waivers), gates: [["security-context", { manifests: ["deploy/*.yaml"] }]], now, logger: silentLogger },
      bundle,
    );
    const gate = report.gates.find((g) => g.id === "security-context");
    expect(gate?.waived.map((w) => w.finding.rule).sort()).toEqual(["TEST-001", "TEST-002"]);
    expect(gate?.findings.map((f) => [f.rule, f.location?.line])).toEqual([
      ["TEST-002", 11],
      ["WAIVER-001", 11],
      ["WAIVER-002", 16],
      ["WAIVER-002", 22],
    ]);
    expect(gate?.findings[3]?.message).toContain("needs at least one of `resource`, `file`");
    const waiverGate = report.gates.find((g) => g.id === "waivers");
    expect(waiverGate?.findings.map((f) => [f.rule, f.location?.line, f.message])).toEqual([
      ["WAIVER-002", 17, "waiver names rule NOPE-001, which no policy defines"],
    ]);
    expect(report.verdict).toBe("block");
  });

  it("fails closed with a clear error when the input is bad", async () => {
    writeFileSync(join(scratch, "repo", "deploy", "broken.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: x\n");
    const report = await runGates(
      { config: config(), gates: [["security-context", { manifests: ["deploy/broken.yaml"] }]], now, logger: silentLogger },
      bundle,
    );
    expect(report.verdict).toBe("error");
    expect(report.gates[0]?.error).toMatch(/^deploy\/broken\.yaml:\d+:\d+: invalid YAML/);
  });

  it("blocks on a waiver annotation that does not parse, at the annotation's line", async () => {
    writeFileSync(
      join(scratch, "repo", "deploy", "bad-waiver.yaml"),
      MANIFEST.replace(`'[{"rule":"TEST-002",`, `'[{"rule":["TEST-002",`),
    );
    const report = await runGates(
      { config: config(), gates: [["security-context", { manifests: ["deploy/bad-waiver.yaml"] }]], now, logger: silentLogger },
      bundle,
    );
    const problem = report.gates[0]?.findings.find((finding) => finding.rule === "WAIVER-002");
    expect(problem?.message).toMatch(/^annotation resilience-gates\.io\/waivers is not valid JSON or YAML: invalid YAML: /);
    const annotationLine = MANIFEST.split("\n").findIndex((line) => line.includes("resilience-gates.io/waivers")) + 1;
    expect(problem?.location).toMatchObject({ file: "deploy/bad-waiver.yaml", line: annotationLine });
    expect(report.verdict).toBe("block");
  });

  it("errors on a glob that matches nothing and a path outside the repository", async () => {
    for (const manifests of [["nothing/*.yaml"], ["../../etc/*.yaml"]]) {
      const report = await runGates({ config: config(), gates: [["security-context", { manifests }]], now, logger: silentLogger }, bundle);
      expect(report.gates[0]?.verdict).toBe("error");
    }
    const [noMatch, outside] = await Promise.all(
      [["nothing/*.yaml"], ["../../etc/*.yaml"]].map((manifests) =>
        runGates({ config: config(), gates: [["security-context", { manifests }]], now, logger: silentLogger }, bundle),
      ),
    );
    expect(noMatch?.gates[0]?.error).toMatch(/pattern nothing\/\*\.yaml matched no files/);
    expect(outside?.gates[0]?.error).toMatch(/is outside the repository/);
  });

  it("rejects sprintf verbs that the WebAssembly runtime cannot format, at their line", async () => {
    const bad = join(scratch, "bad-policies");
    mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, "bad.rego"), 'package resilience.security_context\n\nmsg := sprintf("%q", ["x"])\n');
    await expect(compilePolicies([bad], ["security-context"], scratch)).rejects.toThrow(ConfigurationError);
    await expect(compilePolicies([bad], ["security-context"], scratch)).rejects.toThrow(/bad\.rego:3: sprintf verb %q/);
  });
});
