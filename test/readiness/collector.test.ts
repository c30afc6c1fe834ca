// The readiness collector on bad input: errors name the file and line, and one bad input never hides
// the findings on the others.
import { beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/engine/logger.js";
import type { PolicyBundle } from "../../src/engine/policy.js";
import { runGates } from "../../src/engine/run.js";
import type { ReadinessOptions } from "../../src/gates/readiness/index.js";
import { compileGateBundle } from "../backups/bundle.js";
import { repoRoot } from "../support/cli.js";
import { FIXTURE_NOW } from "../support/gate-fixtures.js";
import { requirePromtool, skipWithoutPromtool } from "./promtool.js";

let bundle: PolicyBundle;
beforeAll(async () => {
  requirePromtool();
  bundle = await compileGateBundle(["readiness"]);
});

async function judge(options: ReadinessOptions) {
  const report = await runGates(
    { config: { workspace: { root: repoRoot, base: repoRoot }, gates: {}, policies: [], rules: {} }, gates: [["readiness", options as Record<string, unknown>]], now: FIXTURE_NOW, logger: silentLogger },
    bundle,
  );
  const gate = report.gates[0];
  if (!gate) throw new Error("no readiness result");
  return gate;
}

describe.skipIf(skipWithoutPromtool)("readiness: bad input", () => {
  it("a rule file that does not parse is an error at promtool's line, and the catalog's findings stay", async () => {
    const gate = await judge({ catalog: "fixtures/readiness/rd-001-002-ownership.yaml", slos: "fixtures/readiness/data/slos.yaml", rules: ["fixtures/readiness-bad/rules-broken.yaml"] });
    expect(gate.verdict).toBe("error");
    expect(gate.error).toMatch(/fixtures\/readiness-bad\/rules-broken\.yaml:40:15: promtool check rules: rule CheckoutAvailabilityBurnRateSlow of group checkout-slo: could not parse expression/);
    expect(gate.findings.map((f) => f.rule).sort()).toEqual(expect.arrayContaining(["RD-001", "RD-002", "RD-011"]));
  });

  it("a PrometheusRule whose expression does not parse is an error at that expr in the manifest", async () => {
    const gate = await judge({ catalog: "fixtures/readiness/rd-pass.yaml", slos: "fixtures/readiness/data/slos.yaml", manifests: ["fixtures/readiness-bad/prometheusrule-broken.yaml"] });
    expect(gate.verdict).toBe("error");
    expect(gate.error).toMatch(/fixtures\/readiness-bad\/prometheusrule-broken\.yaml:52:11: promtool check rules: rule CheckoutLatencyBurnRateFast of group checkout-slo: could not parse expression/);
  });

  it("routes that send to a missing Service or Envoy cluster are errors at the route's line; the rest is still judged", async () => {
    const gate = await judge({
      catalog: "fixtures/readiness/rd-001-002-ownership.yaml",
      slos: "fixtures/readiness/data/slos.yaml",
      rules: ["fixtures/readiness/data/rules.yaml"],
      manifests: ["fixtures/readiness/data/workloads.yaml", "fixtures/readiness-bad/route-missing-backend.yaml"],
      envoy: ["fixtures/readiness-bad/envoy-missing-cluster.yaml"],
      runbookBaseUrl: "https://git.example/shop/blob/main/",
    });
    expect(gate.verdict).toBe("error");
    expect(gate.error).toMatch(/fixtures\/readiness-bad\/route-missing-backend\.yaml:9:7: HTTPRoute checkout rules\[0\] sends to Service checkout-v2, which is not among the objects read/);
    expect(gate.error).toMatch(/fixtures\/readiness-bad\/envoy-missing-cluster\.yaml:6:9: Envoy checkout virtual host checkout route 0 sends to cluster checkout-canary, which is not a cluster of/);
    expect(gate.findings.map((f) => f.rule).sort()).toEqual(["RD-001", "RD-002"]);
  });

  it("a kill-switch registry that does not match its schema is an error at the offending line, judged as empty", async () => {
    const gate = await judge({ catalog: "fixtures/readiness/rd-pass-switches.yaml", slos: "fixtures/readiness/data/slos.yaml", rules: ["fixtures/readiness/data/rules.yaml"], killSwitches: "fixtures/readiness-bad/kill-switches-invalid.yaml", runbookBaseUrl: "https://git.example/shop/blob/main/" });
    expect(gate.verdict).toBe("error");
    expect(gate.error).toMatch(/fixtures\/readiness-bad\/kill-switches-invalid\.yaml:8:\d+: kill-switch registry: .*result/);
    // every dependency then shows as unswitched: never a pass
    expect(gate.findings.map((f) => f.rule)).toEqual(["RD-050", "RD-050"]);
  });

  it("a kill-switch registry the config names but that does not exist is an error", async () => {
    const gate = await judge({ catalog: "fixtures/readiness/rd-pass.yaml", slos: "fixtures/readiness/data/slos.yaml", killSwitches: "fixtures/readiness/data/nope.yaml" });
    expect(gate.verdict).toBe("error");
    expect(gate.error).toMatch(/kill-switch registry fixtures\/readiness\/data\/nope\.yaml does not exist/);
  });

  it("a runbook path outside the repository is an error at its catalog line, and the other service is still judged", async () => {
    const gate = await judge({ catalog: "fixtures/readiness-bad/runbook-outside.yaml" });
    expect(gate.verdict).toBe("error");
    expect(gate.error).toMatch(/fixtures\/readiness-bad\/runbook-outside\.yaml:8:\d+: runbook \.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd is outside the repository/);
    expect(gate.findings.map((f) => `${f.rule} ${f.resource?.name}`)).toContain("RD-004 search");
  });

  it("a catalog that does not match its schema is an error at the offending key", async () => {
    const gate = await judge({ catalog: "fixtures/readiness-bad/catalog-invalid.yaml" });
    expect(gate.verdict).toBe("error");
    expect(gate.error).toMatch(/fixtures\/readiness-bad\/catalog-invalid\.yaml:6:\d+: catalog: .*onCall/);
  });
});

