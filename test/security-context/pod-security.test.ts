// The Pod Security level and version in force: the gate's podSecurity setting, and a namespace's
// pod-security.kubernetes.io/enforce and enforce-version labels over it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/engine/logger.js";
import { loadBuiltInBundle, type PolicyBundle } from "../../src/engine/policy.js";
import { runGates } from "../../src/engine/run.js";
import { GATES } from "../../src/gates/registry.js";
import { inForce, LATEST_POD_SECURITY_MINOR } from "../../src/sources/pod-security.js";
import { repoRoot } from "../support/cli.js";

const gate = { level: "restricted" as const, minor: 37, source: "podSecurity" };

describe("a namespace's enforce labels over the gate's setting", () => {
  it("reads level and version, each over the gate's own", () => {
    expect(LATEST_POD_SECURITY_MINOR).toBe(37);
    expect(inForce(gate, undefined, "a")).toBe(gate);
    expect(inForce(gate, { "pod-security.kubernetes.io/enforce": "baseline" }, "a")).toEqual({ level: "baseline", minor: 37, source: "namespace a" });
    expect(inForce(gate, { "pod-security.kubernetes.io/enforce-version": "v1.30" }, "a")).toEqual({ level: "restricted", minor: 30, source: "namespace a" });
    expect(inForce(gate, { "pod-security.kubernetes.io/enforce": "privileged", "pod-security.kubernetes.io/enforce-version": "latest" }, "a")).toMatchObject({ level: "privileged", minor: 37 });
  });

  it("judges labels upstream cannot parse as restricted latest, an old version as v1.23, a newer one as latest", () => {
    expect(inForce({ ...gate, level: "baseline", minor: 30 }, { "pod-security.kubernetes.io/enforce": "Baseline" }, "a")).toMatchObject({ level: "restricted", minor: 37 });
    expect(inForce(gate, { "pod-security.kubernetes.io/enforce-version": "1.30" }, "a")).toMatchObject({ level: "restricted", minor: 37 });
    expect(inForce(gate, { "pod-security.kubernetes.io/enforce-version": "v1.20" }, "a")).toMatchObject({ minor: 23 });
    expect(inForce(gate, { "pod-security.kubernetes.io/enforce-version": "v1.40" }, "a")).toMatchObject({ minor: 37 });
  });
});

describe("the gate at the Pod Security version in force", () => {
  let bundle: PolicyBundle;
  let directory: string;
  beforeAll(async () => {
    bundle = await loadBuiltInBundle();
    directory = mkdtempSync(join(repoRoot, ".work-pod-security-"));
    mkdirSync(join(directory, "deploy"));
    const pod = (namespace: string) =>
      [
        "apiVersion: v1",
        "kind: Pod",
        "metadata:",
        `  name: tuned`,
        `  namespace: ${namespace}`,
        "spec:",
        "  securityContext:",
        "    sysctls:",
        "      - name: net.ipv4.tcp_slow_start_after_idle",
        '        value: "0"',
        "  containers:",
        "    - name: app",
        "      image: registry.example/app:1.0",
      ].join("\n");
    const namespace = (name: string, labels: string[]) => ["apiVersion: v1", "kind: Namespace", "metadata:", `  name: ${name}`, ...(labels.length ? ["  labels:", ...labels.map((l) => `    ${l}`)] : [])].join("\n");
    writeFileSync(
      join(directory, "deploy", "all.yaml"),
      [
        namespace("old", ["pod-security.kubernetes.io/enforce: baseline", "pod-security.kubernetes.io/enforce-version: v1.36"]),
        namespace("open", ["pod-security.kubernetes.io/enforce: privileged"]),
        namespace("plain", []),
        pod("old"),
        pod("open"),
        pod("plain"),
        pod("elsewhere"),
      ].join("\n---\n") + "\n",
    );
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  async function rules(options: Record<string, unknown>): Promise<Record<string, string[]>> {
    const securityContext = GATES.get("security-context");
    if (!securityContext) throw new Error("no security-context gate");
    const report = await runGates(
      {
        config: { workspace: { root: repoRoot, base: directory }, gates: {}, policies: [], rules: {} },
        gates: [["security-context", { manifests: ["deploy/*.yaml"], ...options }]],
        now: new Date("2026-12-01T00:00:00Z"),
        logger: silentLogger,
      },
      bundle,
    );
    const byNamespace: Record<string, string[]> = {};
    for (const finding of report.gates[0]?.findings ?? []) {
      const namespace = finding.resource?.namespace ?? "-";
      if (/^SC-0(0|1[0-8])/.test(finding.rule)) (byNamespace[namespace] ??= []).push(finding.rule);
    }
    for (const list of Object.values(byNamespace)) list.sort();
    return byNamespace;
  }

  it("latest allows the v1.37 sysctls; the namespace's baseline v1.36 does not, and skips the restricted checks", async () => {
    const restricted = ["SC-005", "SC-012", "SC-016", "SC-018"];
    expect(await rules({})).toEqual({ old: ["SC-013"], plain: restricted, elsewhere: restricted });
  });

  it("the gate's version and level apply where no label says otherwise; namespaceLabels: false ignores the labels", async () => {
    expect(await rules({ podSecurity: { level: "baseline", version: "v1.32" } })).toEqual({ old: ["SC-013"], plain: ["SC-013"], elsewhere: ["SC-013"] });
    const everywhere = ["SC-005", "SC-012", "SC-013", "SC-016", "SC-018"];
    expect(await rules({ podSecurity: { version: "v1.36", namespaceLabels: false } })).toEqual({ old: everywhere, open: everywhere, plain: everywhere, elsewhere: everywhere });
  });
});
