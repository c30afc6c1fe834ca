import { readFileSync } from "node:fs";
import { join } from "node:path";
import ajvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBuiltInBundle, type PolicyBundle } from "../../src/engine/policy.js";
import { sarifReporter } from "../../src/report/sarif.js";
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
    tool: { driver: { rules: { id: string; helpUri: string; shortDescription: { text: string }; fullDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
    results: { ruleId: string; ruleIndex: number; level: string; locations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn?: number } } }[]; suppressions?: { justification: string }[] }[];
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string } }[] }[];
  }[];
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
    // The gate that could not run is a failed invocation with its reason.
    expect(run!.invocations[0]!.executionSuccessful).toBe(false);
    expect(run!.invocations[0]!.toolExecutionNotifications[0]!.message.text).toContain("store ledger-db has no tier");
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
