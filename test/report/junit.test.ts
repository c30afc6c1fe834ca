import { describe, expect, it } from "vitest";
import { junitReporter } from "../../src/report/junit.js";
import { finding, sampleReport } from "./sample.js";

/** A small well-formedness check: every tag closes in order, attributes are quoted, no stray `<` or `&`. */
function elements(xml: string): { name: string; attributes: Record<string, string> }[] {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, "");
  const stack: string[] = [];
  const found: { name: string; attributes: Record<string, string> }[] = [];
  const token = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = token.exec(body))) {
    consumed = token.lastIndex;
    const [, closing, name, attributeText, selfClosing, text] = match;
    if (text !== undefined) {
      expect(text).not.toMatch(/&(?!(amp|lt|gt|quot|#\d+);)/);
      continue;
    }
    if (closing) {
      expect(stack.pop()).toBe(name);
      continue;
    }
    const attributes = Object.fromEntries([...(attributeText ?? "").matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    found.push({ name: name!, attributes });
    if (!selfClosing) stack.push(name!);
  }
  expect(consumed).toBe(body.length);
  expect(stack).toEqual([]);
  return found;
}

describe("--format junit", () => {
  it("names every testcase uniquely: the container is part of the name, and a repeat is numbered", () => {
    const at = { file: "charts/app/values.yaml", line: 12 };
    const findings = [
      finding(0, { resource: { kind: "Deployment", name: "api", namespace: "prod" }, container: "app", location: at }),
      finding(0, { resource: { kind: "Deployment", name: "api", namespace: "prod" }, container: "sidecar", location: at }),
      finding(0, { resource: { kind: "Deployment", name: "api", namespace: "prod" }, container: "sidecar", location: at }),
    ];
    const xml = junitReporter.render({ verdict: "block", gates: [{ id: "security-context", verdict: "block", findings, waived: [], stats: {}, durationMs: 1 }] }, { color: false });
    const names = elements(xml).filter((element) => element.name === "testcase").map((element) => element.attributes.name);
    expect(names).toEqual([
      "SC-005 Deployment prod/api container app charts/app/values.yaml:12",
      "SC-005 Deployment prod/api container sidecar charts/app/values.yaml:12",
      "SC-005 Deployment prod/api container sidecar charts/app/values.yaml:12 (2)",
    ]);
  });

  it("has one testsuite per gate and a failing testcase per finding", () => {
    const report = sampleReport(4);
    const xml = junitReporter.render(report, { color: false });
    const all = elements(xml);
    const suites = all.filter((element) => element.name === "testsuite");
    expect(suites.map((suite) => suite.attributes.name)).toEqual(["security-context", "migrations", "backups"]);
    const security = suites[0]!.attributes;
    expect(security).toMatchObject({ tests: "5", failures: "4", errors: "0", skipped: "1" });
    expect(all.filter((element) => element.name === "failure")).toHaveLength(4);
    expect(all.filter((element) => element.name === "failure").map((element) => element.attributes.type)).toEqual(["block", "warn", "warn", "block"]);
    expect(all.filter((element) => element.name === "skipped")[0]!.attributes.message).toContain("PLAT-123");
    expect(all.filter((element) => element.name === "error")[0]!.attributes.message).toContain("store ledger-db has no tier");
    expect(suites[1]!.attributes).toMatchObject({ tests: "1", failures: "0" });
    const root = all[0]!;
    expect(root).toMatchObject({ name: "testsuites", attributes: { tests: "7", failures: "4", errors: "1", skipped: "1" } });
    const testcase = all.find((element) => element.name === "testcase")!;
    expect(testcase.attributes).toMatchObject({ file: "deploy/app 0.yaml", line: "10", classname: "resilience-gates.security-context" });
  });

  it("escapes markup and drops characters XML cannot carry", () => {
    const nasty = finding(0, { message: 'a <script>&"quoted"\u0007 ]]> end', remediation: "x & y\u0000" });
    const xml = junitReporter.render({ verdict: "block", gates: [{ id: "g", verdict: "block", findings: [nasty], waived: [], stats: {}, durationMs: 5 }] }, { color: false });
    elements(xml);
    expect(xml).toContain("a &lt;script&gt;&amp;&quot;quoted&quot; ]]&gt; end");
    expect(xml).not.toContain("\u0007");
    expect(xml).not.toContain("\u0000");
  });
});
