// SLO files and baselines that cannot be read: errors at the file and line, saying what was expected.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBaseline } from "../../src/gates/slo/baseline.js";
import { readSlos } from "../../src/gates/slo/definitions.js";
import { repoRoot } from "../support/cli.js";

const workspace = { root: repoRoot, base: repoRoot };
let scratch: string;
beforeAll(() => {
  mkdirSync(join(repoRoot, ".work"), { recursive: true });
  scratch = mkdtempSync(join(repoRoot, ".work", "slo-defs-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function file(name: string, text: string): string {
  writeFileSync(join(scratch, name), text);
  return join(scratch, name).slice(repoRoot.length + 1);
}

const SLO = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: api-latency
spec:
  service: api
  timeWindow:
    - duration: 28d
  indicator:
    spec:
      thresholdMetric:
        metricSource:
          spec:
            query: http_request_duration_seconds_bucket{route="/v1/x"}
  objectives:
    - target: 0.95
      op: lte
      value: 0.3
`;

describe("SLO files", () => {
  it("reads the reference app's SLOs, with their k6 endpoints", () => {
    const { slos } = readSlos(workspace, "reference-app/.resilience/slos.yaml", "endpoint");
    expect(slos.map((slo) => `${slo.name} ${slo.indicator.kind} ${slo.k6?.endpoint}`)).toEqual([
      "api-create-payment-availability ratio create-payment",
      "api-create-payment-latency threshold create-payment",
      "api-get-payment-availability ratio get-payment",
      "api-get-payment-latency threshold get-payment",
      "payments-ledger-write-availability ratio create-payment",
    ]);
    expect(slos[1]?.windowSeconds).toBe(28 * 86_400);
  });

  it("names file, line and what was expected", () => {
    expect(() => readSlos(workspace, file("a.yaml", SLO.replace("kind: SLO", "kind: SLI")), "endpoint")).toThrow(/a\.yaml:2:1: SLO: `kind` must be "SLO"/);
    expect(() => readSlos(workspace, file("b.yaml", SLO.replace("      op: lte\n", "")), "endpoint")).toThrow(
      /b\.yaml:16:7: objective 0 of SLO api-latency needs `op` \(lt or lte\) and `value` \(the threshold, in seconds\) for its thresholdMetric/,
    );
    expect(() => readSlos(workspace, file("c.yaml", SLO.replace("duration: 28d", "duration: 4 weeks")), "endpoint")).toThrow(
      /c\.yaml:8:7: timeWindow duration 4 weeks is not a duration like 28d, 1w or 12h \(whole numbers with s, m, h, d or w\)/,
    );
    expect(() => readSlos(workspace, file("d.yaml", `${SLO}---\n${SLO}`), "endpoint")).toThrow(/d\.yaml:23:3: SLO api-latency is defined twice \(also at line 4\)/);
    expect(() => readSlos(workspace, file("e.yaml", SLO.replace("  service: api\n", "  service: [api\n")), "endpoint")).toThrow(/e\.yaml:\d+:\d+: invalid YAML/);
    expect(() => readSlos(workspace, "no/such.yaml", "endpoint")).toThrow(/SLO file no\/such\.yaml does not exist; write one \(see docs\/slo\.md\) or point --slo at it/);
  });
});

describe("baselines", () => {
  it("refuses a file that is not a baseline, at the offending line", () => {
    const bad = file("base.json", '{\n  "version": 1,\n  "createdAt": "2026-11-01T00:00:00Z",\n  "source": "x",\n  "measurements": [\n    {"slo": "a", "objective": 0, "metric": "p95", "value": 1, "samples": 1}\n  ]\n}\n');
    expect(() => readBaseline(workspace, bad)).toThrow(/base\.json:6:\d+: not a baseline written by `resilience-gates baseline save`: `measurements\.0\.metric` must be one of "latency", "error_rate"/);
    expect(() => readBaseline(workspace, file("cut.json", '{"version": 1, "measurements": ['))).toThrow(/cut\.json:1:\d+: invalid JSON/);
    expect(() => readBaseline(workspace, "nope.json")).toThrow(/baseline nope\.json does not exist; write it on the default branch with `resilience-gates baseline save/);
  });
});
