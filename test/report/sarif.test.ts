import { readFileSync } from "node:fs";
import { join } from "node:path";
import ajvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBuiltInBundle, type PolicyBundle } from "../../src/engine/policy.js";
import { FINGERPRINT_KEY, sarifReporter } from "../../src/report/sarif.js";
import { repoRoot, runCli } from "../support/cli.js";
import { finding, sampleReport } from "./sample.js";

const schema = JSON.parse(readFileSync(join(repoRoot, "test", "fixtures", "sarif", "sarif-2.1.0-rtm.5.json"), "utf8")) as object;
// The schema's `language` pattern is not a valid Unicode-mode regex; compile patterns without the u flag.
// Both are CommonJS with `exports.default`, which works under NodeNext types and at run time alike.
const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validateSarif = ajv.compile(schema);

function expectValid(log: unknown): void {
  const valid = validateSarif(log);
  expect(valid ? [] : validateSarif.errors?.map((error) => `${error.instancePath} ${error.message}`)).toEqual([]);
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { rules: { id: string; helpUri: string; shortDescription: { text: string }; fullDescription: { text: string }; defaultConfiguration: { level: string }; properties: { tags: string[]; "security-severity"?: string } }[] } };
    automationDetails: { id: string };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn?: number } } }[];
      suppressions?: { justification: string }[];
      partialFingerprints: Record<string, string>;
    }[];
    invocations: { executionSuccessful: boolean }[];
  }[];
  properties?: { gateErrors?: Record<string, string> };
}

let bundle: PolicyBundle;
beforeAll(async () => {
  bundle = await loadBuiltInBundle();
});

describe("--format sarif", () => {
  it("is valid SARIF 2.1.0 with rules described from the catalog and real regions", () => {
    const log = JSON.parse(sarifReporter.render(sampleReport(), { color: false, catalog: bundle.catalog })) as SarifLog;
    expectValid(log);
    const [run] = log.runs;
    const rules = run!.tool.driver.rules;
    const sc005 = rules.find((rule) => rule.id === "SC-005")!;
    const metadata = bundle.catalog.get("SC-005")!;
    expect(sc005.shortDescription.text).toBe(metadata.title);
    expect(sc005.fullDescription.text).toBe(metadata.description.trim());
    expect(sc005.helpUri).toBe(metadata.docs);
    expect(sc005.defaultConfiguration.level).toBe("error");
    const first = run!.results[0]!;
    expect(rules[first.ruleIndex]!.id).toBe(first.ruleId);
    expect(first.locations?.[0]?.physicalLocation.region).toEqual({ startLine: 10, startColumn: 9 });
    expect(first.locations?.[0]?.physicalLocation.artifactLocation.uri).toBe("deploy/app%200.yaml");
    // The waived finding is a suppressed result: the audit trail survives in code scanning.
    const suppressed = run!.results.filter((result) => result.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]!.suppressions![0]!.justification).toContain("PLAT-123");
    // One run per gate, each its own code-scanning category. The gate that could not run has no run at
    // all (an empty one would close every open alert of its category); its reason is in the log's properties.
    expect(log.runs.map((each) => each.automationDetails.id)).toEqual(["resilience-gates/security-context/", "resilience-gates/migrations/"]);
    expect(log.properties?.gateErrors).toEqual({ backups: "catalog.yaml:4: store ledger-db has no tier" });
    expect(log.runs[1]!.results).toEqual([]);
    // Security rules carry security-severity (code scanning ranks them) and the security tag.
    expect(sc005.properties["security-severity"]).toBe("7.5");
    expect(sc005.properties.tags).toContain("security");
  });

  it("fingerprints on rule, resource and container: two workloads (or containers) on one values-file line stay two alerts", () => {
    const line = { file: "charts/app/values.yaml", line: 12, column: 3 };
    const findings = [
      finding(0, { resource: { kind: "Deployment", name: "api", namespace: "prod" }, container: "app", location: line }),
      finding(0, { resource: { kind: "Deployment", name: "worker", namespace: "prod" }, container: "app", location: line }),
      finding(0, { resource: { kind: "Deployment", name: "api", namespace: "prod" }, container: "sidecar", location: line }),
      finding(0, { resource: { kind: "Deployment", name: "api", namespace: "prod" }, container: "app", location: { ...line, line: 40 } }),
    ];
    const report = { verdict: "block" as const, gates: [{ id: "security-context", verdict: "block" as const, findings, waived: [], stats: {}, durationMs: 1 }] };
    const log = JSON.parse(sarifReporter.render(report, { color: false, catalog: bundle.catalog, category: "kind-e2e" })) as SarifLog;
    expectValid(log);
    expect(log.runs[0]!.automationDetails.id).toBe("kind-e2e/security-context/");
    const prints = log.runs[0]!.results.map((result) => result.partialFingerprints[FINGERPRINT_KEY]!);
    expect(prints.every((print) => /^[0-9a-f]{64}$/.test(print))).toBe(true);
    expect(new Set(prints.slice(0, 3)).size).toBe(3);
    // The same finding moved to another line keeps its identity, so the alert follows it.
    expect(prints[3]).toBe(prints[0]);
  });

  it("uploads nothing for a report whose only gate could not run", () => {
    const log = JSON.parse(sarifReporter.render({ verdict: "error", gates: [sampleReport(1).gates[2]!] }, { color: false })) as SarifLog;
    expectValid(log);
    expect(log.runs).toEqual([]);
  });

  it("gives engine rules whose docs are a repository path an absolute helpUri", () => {
    const report = { verdict: "block" as const, gates: [{ id: "waivers", verdict: "block" as const, findings: [finding(0, { rule: "WAIVER-001", docs: "docs/waivers.md#expiry" })], waived: [], stats: {}, durationMs: 0 }] };
    const log = JSON.parse(sarifReporter.render(report, { color: false, catalog: bundle.catalog })) as SarifLog;
    expectValid(log);
    expect(log.runs[0]!.tool.driver.rules[0]!.helpUri).toMatch(/^https:\/\/.+\/docs\/rules\/WAIVER-001\.md$/);
  });

  it("stays valid without the catalog and with findings that have no file", () => {
    const bare = finding(0);
    delete bare.location;
    const log = JSON.parse(sarifReporter.render({ verdict: "block", gates: [{ id: "release", verdict: "block", findings: [bare], waived: [], stats: {}, durationMs: 1 }] }, { color: false })) as SarifLog;
    expectValid(log);
    expect(log.runs[0]!.results[0]!.locations).toBeDefined();
  });

  it("the schema check bites: a result without a message is rejected", () => {
    const log = JSON.parse(sarifReporter.render(sampleReport(1), { color: false, catalog: bundle.catalog })) as { runs: { results: Record<string, unknown>[] }[] };
    delete log.runs[0]!.results[0]!.message;
    expect(validateSarif(log)).toBe(false);
  });

  it("comes out of the CLI for a real fixture, valid, with the real line", () => {
    const run = runCli(["check", "security-context", "--manifests", "fixtures/security-context/sc-005-fail.yaml", "--format", "sarif", "--quiet"]);
    expect(run.status, run.stderr).toBe(1);
    const log = JSON.parse(run.stdout) as SarifLog;
    expectValid(log);
    const results = log.runs[0]!.results.filter((result) => result.ruleId === "SC-005");
    expect(results.length).toBeGreaterThan(0);
    const header = readFileSync(join(repoRoot, "fixtures/security-context/sc-005-fail.yaml"), "utf8").match(/SC-005@(\d+):(\d+)/);
    expect(results[0]!.locations![0]!.physicalLocation.region.startLine).toBe(Number(header![1]));
  });
});
