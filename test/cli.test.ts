import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validate } from "../src/config/schemas.js";
import type { Report } from "../src/engine/types.js";
import { parseYamlDocuments } from "../src/sources/yaml.js";
import { repoRoot, runCli } from "./support/cli.js";

function jsonReport(stdout: string): Report {
  return JSON.parse(stdout) as Report;
}

describe("resilience-gates CLI", () => {
  it("prints help with every command and the gate flags", () => {
    const run = runCli(["--help"]);
    expect(run.status).toBe(0);
    for (const word of ["check [gate ...]", "rules", "explain RULE", "init", "--manifests", "--chart", "--kustomize", "Exit status"]) {
      expect(run.stdout).toContain(word);
    }
  });

  it("answers --help and -h on every command and subcommand with that command's usage, exit 0", () => {
    const cases: [string[], string][] = [
      [["check", "--help"], "Flags for check security-context"],
      [["check", "migrations", "--help"], "Usage: resilience-gates check migrations"],
      [["check", "--manifests", "x.yaml", "security-context", "-h"], "Flags for check security-context"],
      [["rules", "--help"], "Usage: resilience-gates rules"],
      [["explain", "-h"], "Usage: resilience-gates explain RULE"],
      [["init", "--help"], "Usage: resilience-gates init"],
      [["drill", "postgres", "--help"], "postgres --source URL"],
      [["drill", "keygen", "-h"], "keygen --out DIR"],
      [["baseline", "save", "--help"], "Usage: resilience-gates baseline save"],
      [["chaos", "run", "--help"], "Usage: resilience-gates chaos"],
    ];
    for (const [args, text] of cases) {
      const run = runCli(args);
      expect(run.status, args.join(" ")).toBe(0);
      expect(run.stdout, args.join(" ")).toContain(text);
      expect(run.stderr, args.join(" ")).toBe("");
    }
    const gate = runCli(["check", "migrations", "--help"]).stdout;
    expect(gate).toContain("--fail-on");
    expect(gate).not.toContain("Flags for check security-context");
    // After `--`, --help is an argument like any other, not a request for help.
    expect(runCli(["check", "--", "--help"]).status).toBe(2);
  });

  it("exits 2 with a usage message for no command, an unknown command, an unknown flag and an unknown gate", () => {
    expect(runCli([]).status).toBe(2);
    const unknown = runCli(["frobnicate"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("error: unknown command frobnicate");
    const flag = runCli(["check", "--bogus"]);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toMatch(/error: Unknown option '--bogus'/);
    const gate = runCli(["check", "nope"]);
    expect(gate.status).toBe(2);
    expect(gate.stderr).toContain("unknown gate nope; known gates: security-context");
  });

  it("says what to do when there is nothing to check", () => {
    const empty = mkdtempSync(join(tmpdir(), "rg-empty-"));
    const run = runCli(["check"], { cwd: empty });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("no gates to run");
  });

  it("blocks on a failing fixture with the finding's line, and passes a passing one", () => {
    const fail = runCli(["check", "security-context", "--manifests", "fixtures/security-context/sc-005-fail.yaml", "--format", "json"]);
    expect(fail.status).toBe(1);
    const report = jsonReport(fail.stdout);
    expect(validate("report", report)).toEqual([]);
    expect(report.verdict).toBe("block");
    expect(report.gates[0]?.findings.map((f) => f.rule)).toContain("SC-005");
    expect(report.gates[0]?.findings.every((f) => (f.location?.line ?? 0) > 1)).toBe(true);

    const pass = runCli(["check", "security-context", "--manifests", "fixtures/security-context/sc-005-pass.yaml"]);
    expect(pass.status).toBe(0);
    expect(pass.stdout).toContain("Result: PASS");
  });

  it("renders a Helm chart with the real helm and points at the values line that set the bad value", () => {
    const clean = runCli(["check", "security-context", "--chart", "fixtures/charts/demo", "--format", "json", "--quiet"]);
    expect(clean.status).toBe(0);
    const weak = runCli(["check", "security-context", "--chart", "fixtures/charts/demo", "--values", "fixtures/charts/demo/values-weak.yaml", "--format", "json"]);
    expect(weak.status).toBe(1);
    const findings = jsonReport(weak.stdout).gates[0]?.findings ?? [];
    expect(findings.map((f) => [f.rule, f.location?.file, f.location?.line]).sort()).toEqual([
      ["SC-005", "fixtures/charts/demo/values-weak.yaml", 3],
      ["SC-020", "fixtures/charts/demo/values-weak.yaml", 4],
    ]);
    expect(weak.stderr).toContain("rendering chart fixtures/charts/demo");
  });

  it("points at the template line when the template spells the bad value out", () => {
    const run = runCli(["check", "security-context", "--chart", "fixtures/charts/demo", "--values", "fixtures/charts/demo/values-root.yaml", "--format", "json", "--quiet"]);
    expect(run.status).toBe(1);
    const findings = jsonReport(run.stdout).gates[0]?.findings ?? [];
    expect(findings.map((f) => [f.rule, f.location?.file, f.location?.line, f.location?.column])).toEqual([
      ["SC-007", "fixtures/charts/demo/templates/deployment.yaml", 26, 15],
    ]);
  });

  it("renders charts for a Kubernetes version and extra API versions (--kube-version, --api-versions)", () => {
    const clean = runCli(["check", "security-context", "--chart", "fixtures/charts/capabilities", "--format", "json", "--quiet"]);
    expect(clean.status).toBe(0);
    const old = runCli(["check", "security-context", "--chart", "fixtures/charts/capabilities", "--kube-version", "v1.31", "--api-versions", "cilium.io/v2", "--format", "json", "--quiet"]);
    expect(old.status).toBe(1);
    const findings = jsonReport(old.stdout).gates[0]?.findings ?? [];
    expect(new Set(findings.map((f) => `${f.rule} ${f.location?.file}:${f.location?.line}`))).toEqual(
      new Set([
        "SC-011 fixtures/charts/capabilities/templates/deployment.yaml:19",
        "SC-012 fixtures/charts/capabilities/templates/deployment.yaml:19",
        "SC-001 fixtures/charts/capabilities/templates/deployment.yaml:29",
        "SC-005 fixtures/charts/capabilities/templates/deployment.yaml:28",
        "SC-018 fixtures/charts/capabilities/templates/deployment.yaml:28",
        "SC-020 fixtures/charts/capabilities/templates/deployment.yaml:28",
      ]),
    );
    const excluded = runCli(["check", "security-context", "--chart", "fixtures/charts/capabilities", "--kube-version", "v1.29"]);
    expect(excluded.status).toBe(2);
    expect(excluded.stdout).toContain("fixtures/charts/capabilities/Chart.yaml:5: helm template failed for chart fixtures/charts/capabilities: Error: chart requires kubeVersion");
  });

  it("builds a kustomization with the real kustomize and points at the base file", () => {
    const run = runCli(["check", "security-context", "--kustomize", "fixtures/kustomize/overlay", "--format", "json", "--quiet"]);
    expect(run.status).toBe(1);
    const [finding] = jsonReport(run.stdout).gates[0]?.findings ?? [];
    expect(finding).toMatchObject({
      rule: "SC-005",
      resource: { kind: "Deployment", name: "prod-web" },
      location: { file: "fixtures/kustomize/base/deployment.yaml", line: 20, column: 13 },
    });
  });

  it.each([
    ["malformed.yaml", /fixtures\/bad-input\/malformed\.yaml:\d+:\d+: invalid YAML/],
    ["not-k8s.yaml", /fixtures\/bad-input\/not-k8s\.yaml:6:1: document 2 is not a Kubernetes object/],
    ["no-kind.yaml", /fixtures\/bad-input\/no-kind\.yaml:8:1: document 2 is not a Kubernetes object: it has no `kind`/],
    ["alias-bomb.yaml", /fixtures\/bad-input\/alias-bomb\.yaml:\d+: cannot expand YAML/],
    ["binary.yaml", /fixtures\/bad-input\/binary\.yaml:\d+: binary content/],
    ["missing-*.yaml", /pattern fixtures\/bad-input\/missing-\*\.yaml matched no files/],
  ])("fails closed on bad input %s with file and line (exit 2)", (file, message) => {
    const run = runCli(["check", "security-context", "--manifests", `fixtures/bad-input/${file}`]);
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(message);
    expect(run.stdout).toContain("security-context  ERROR");
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });

  it("one bad file keeps the verdict error but hides no other file's findings", () => {
    const run = runCli([
      "check", "security-context",
      "--manifests", "fixtures/bad-input/duplicate-key.yaml",
      "--manifests", "fixtures/security-context/sc-005-fail.yaml",
      "--manifests", "fixtures/bad-input/not-k8s.yaml",
      "--manifests", "fixtures/bad-input/comments-only.yaml",
      "--chart", "fixtures/charts/broken",
      "--chart", "fixtures/charts/demo", "--values", "fixtures/charts/demo/values-weak.yaml",
      "--format", "json", "--quiet",
    ]);
    expect(run.status).toBe(2);
    const report = jsonReport(run.stdout);
    expect(report.verdict).toBe("error");
    const gate = report.gates[0];
    expect(gate?.verdict).toBe("error");
    expect(gate?.error).toContain('fixtures/bad-input/duplicate-key.yaml:17:13: invalid YAML: duplicate key "privileged"');
    expect(gate?.error).toContain("fixtures/bad-input/not-k8s.yaml:6:1: document 2 is not a Kubernetes object");
    expect(gate?.error).toContain("fixtures/bad-input/comments-only.yaml:1: no Kubernetes object in the file (it is empty or only comments)");
    expect(gate?.error).toContain("fixtures/charts/broken/templates/broken.yaml:4: helm template failed");
    expect(new Set(gate?.findings.map((f) => `${f.rule} ${f.location?.file}:${f.location?.line}`))).toEqual(
      new Set([
        "SC-005 fixtures/security-context/sc-005-fail.yaml:32",
        "SC-005 fixtures/security-context/sc-005-fail.yaml:48",
        "SC-005 fixtures/charts/demo/values-weak.yaml:3",
        "SC-020 fixtures/charts/demo/values-weak.yaml:4",
      ]),
    );
    const console = runCli(["check", "security-context", "--manifests", "fixtures/bad-input/duplicate-key.yaml", "--manifests", "fixtures/security-context/sc-005-fail.yaml"]);
    expect(console.stdout).toContain("security-context  ERROR  2 findings");
    expect(console.stdout).toContain("32:13   block SC-005");
  });

  it("fails closed when helm template fails, naming the template and line", () => {
    const run = runCli(["check", "security-context", "--chart", "fixtures/charts/broken"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain("fixtures/charts/broken/templates/broken.yaml:4: helm template failed for chart fixtures/charts/broken");
  });

  it("refuses a 50 MB manifest quickly and clearly", () => {
    const directory = mkdtempSync(join(repoRoot, ".work-huge-"));
    try {
      writeFileSync(join(directory, "huge.yaml"), Buffer.alloc(50 * 1024 * 1024, "#"));
      const run = runCli(["check", "security-context", "--manifests", `${directory.slice(repoRoot.length + 1)}/huge.yaml`]);
      expect(run.status).toBe(2);
      expect(run.stdout).toMatch(/huge\.yaml:1: .*huge\.yaml is 50\.0 MiB; files larger than 16 MiB are refused/);
    } finally {
      writeFileSync(join(directory, "huge.yaml"), "");
    }
  });

  it("lists the catalog and explains a rule", () => {
    const rules = runCli(["rules"]);
    expect(rules.status).toBe(0);
    expect(rules.stdout).toMatch(/^SC-005\s+block\s+security-context\s+/m);
    const explain = runCli(["explain", "SC-005"]);
    expect(explain.status).toBe(0);
    expect(explain.stdout).toMatch(/^SC-005: /);
    expect(explain.stdout).toContain("Fix: ");
    expect(explain.stdout).toMatch(/Defined in: policies\/security_context\/.*\.rego:\d+/);
    const missing = runCli(["explain", "SC-999"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("no rule SC-999");
  });

  it("scaffolds a config with init and refuses to overwrite it", () => {
    const directory = mkdtempSync(join(tmpdir(), "rg-init-"));
    mkdirSync(join(directory, "charts", "shop"), { recursive: true });
    writeFileSync(join(directory, "charts", "shop", "Chart.yaml"), "apiVersion: v2\nname: shop\nversion: 0.1.0\n");
    expect(runCli(["init"], { cwd: directory }).status).toBe(0);
    expect(readFileSync(join(directory, ".resilience", "gates.yaml"), "utf8")).toContain("- path: charts/shop");
    expect(existsSync(join(directory, ".resilience", "waivers.yaml"))).toBe(true);
    const catalog = parseYamlDocuments(readFileSync(join(directory, ".resilience", "catalog.yaml"), "utf8"), "catalog.yaml")[0]?.value;
    expect(validate("catalog", catalog)).toEqual([]);
    const again = runCli(["init"], { cwd: directory });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("already exists; pass --force");
  });

  it("compiles custom policy directories named in the config beside the built-in rules", () => {
    const directory = mkdtempSync(join(repoRoot, ".work-custom-"));
    const relative = directory.slice(repoRoot.length + 1);
    mkdirSync(join(directory, ".resilience"));
    mkdirSync(join(directory, "policies"));
    writeFileSync(
      join(directory, "policies", "team.rego"),
      `package resilience.security_context

# METADATA
# title: Team label missing
# description: Every workload carries the owning team's label so pages reach the right people.
# custom:
#   id: ACME-001
#   severity: block
#   remediation: Add metadata.labels.team to the pod template.
#   docs: https://example.invalid/acme-001
findings contains finding if {
	some workload in input.workloads
	not workload.template.metadata.labels.team
	finding := {
		"rule": "ACME-001",
		"message": sprintf("%s %s has no team label", [workload.kind, workload.name]),
		"workload": workload.id,
		"path": ["metadata", "labels", "team"],
	}
}
`,
    );
    writeFileSync(
      join(directory, ".resilience", "gates.yaml"),
      `version: 1\npolicies: [policies]\ngates:\n  security-context:\n    manifests: ["../fixtures/security-context/sc-005-pass.yaml"]\n`,
    );
    const run = runCli(["check", "--config", `${relative}/.resilience/gates.yaml`, "--format", "json"]);
    expect(run.stderr).toContain("compiling custom policies");
    expect(run.status).toBe(1);
    expect(jsonReport(run.stdout).gates[0]?.findings.map((f) => f.rule)).toEqual(["ACME-001"]);
    const explain = runCli(["explain", "ACME-001", "--config", `${relative}/.resilience/gates.yaml`]);
    expect(explain.stdout).toContain("Team label missing");
  });

  it("writes the report to --output and keeps a console summary on stderr", () => {
    const out = join(mkdtempSync(join(tmpdir(), "rg-out-")), "nested", "report.json");
    const run = runCli(["check", "security-context", "--manifests", "fixtures/security-context/sc-005-fail.yaml", "--format", "json", "--output", out]);
    expect(run.status).toBe(1);
    expect(jsonReport(readFileSync(out, "utf8")).verdict).toBe("block");
    expect(run.stderr).toContain("Result: BLOCK");
  });
});
