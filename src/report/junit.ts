import { formatLocation } from "../engine/errors.js";
import type { Finding, GateResult } from "../engine/types.js";
import { describeResource } from "./console.js";
import type { Reporter } from "./reporter.js";

/**
 * JUnit XML for test reporters: one `<testsuite>` per gate, one failing `<testcase>` per finding
 * (`type` is the severity), waived findings as skipped cases (with the waiver as the reason), a gate
 * that could not run as an `<error>`, and a gate without findings as one passing case.
 */
export const junitReporter: Reporter = {
  format: "junit",
  render(report) {
    const suites = report.gates.map(suite);
    const count = (key: "tests" | "failures" | "errors" | "skipped") => suites.reduce((sum, s) => sum + s[key], 0);
    const time = seconds(report.gates.reduce((sum, gate) => sum + gate.durationMs, 0));
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites name="resilience-gates" tests="${count("tests")}" failures="${count("failures")}" errors="${count("errors")}" skipped="${count("skipped")}" time="${time}">`,
      ...suites.map((s) => s.xml),
      "</testsuites>",
      "",
    ].join("\n");
  },
};

interface Suite {
  xml: string;
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function suite(gate: GateResult): Suite {
  const cases: string[] = [];
  const classname = `resilience-gates.${gate.id}`;
  // Reporters take testcases of the same name for retries of one test and keep one: every name is unique.
  const used = new Map<string, number>();
  const caseName = (finding: Finding): string => {
    const name = baseName(finding);
    const seen = (used.get(name) ?? 0) + 1;
    used.set(name, seen);
    return seen === 1 ? name : `${name} (${seen})`;
  };
  for (const finding of gate.findings.filter((candidate) => candidate.audit)) {
    cases.push(
      `    <testcase ${attributes({ name: caseName(finding), classname, ...fileAttributes(finding), time: "0" })}>\n` +
        `      <skipped ${attributes({ message: `audit mode (reported, not enforced): ${finding.severity}: ${finding.message}` })}/>\n` +
        "    </testcase>",
    );
  }
  for (const finding of gate.findings.filter((candidate) => !candidate.audit)) {
    const body = [
      finding.message,
      finding.location ? `at ${formatLocation(finding.location)}` : "",
      finding.resource ? `resource: ${describeResource(finding.resource)}` : "",
      finding.container ? `container: ${finding.container}` : "",
      `fix: ${finding.remediation}`,
      finding.docs ? `docs: ${finding.docs}` : "",
    ].filter(Boolean);
    cases.push(
      `    <testcase ${attributes({ name: caseName(finding), classname, ...fileAttributes(finding), time: "0" })}>\n` +
        `      <failure ${attributes({ message: finding.message, type: finding.severity })}>${text(body.join("\n"))}</failure>\n` +
        "    </testcase>",
    );
  }
  for (const { finding, waiver } of gate.waived) {
    const reason = `waived: ${waiver.reason} (owner ${waiver.owner}, expires ${waiver.expires}${waiver.ticket ? `, ${waiver.ticket}` : ""}; ${formatLocation(waiver.source)})`;
    cases.push(
      `    <testcase ${attributes({ name: caseName(finding), classname, ...fileAttributes(finding), time: "0" })}>\n` +
        `      <skipped ${attributes({ message: reason })}/>\n` +
        "    </testcase>",
    );
  }
  let errors = 0;
  if (gate.verdict === "error") {
    errors = 1;
    cases.push(
      `    <testcase ${attributes({ name: `${gate.id} could not run`, classname, time: seconds(gate.durationMs) })}>\n` +
        `      <error ${attributes({ message: gate.error ?? "error", type: "error" })}>${text(gate.error ?? "")}</error>\n` +
        "    </testcase>",
    );
  } else if (gate.findings.length === 0) {
    cases.push(`    <testcase ${attributes({ name: `${gate.id}: no findings`, classname, time: seconds(gate.durationMs) })}/>`);
  }
  const tests = cases.length;
  const failures = gate.findings.filter((finding) => !finding.audit).length;
  const skipped = gate.waived.length + gate.findings.length - failures;
  const head = `  <testsuite ${attributes({
    name: gate.id,
    tests: String(tests),
    failures: String(failures),
    errors: String(errors),
    skipped: String(skipped),
    time: seconds(gate.durationMs),
  })}>`;
  const properties = `    <properties>\n      <property ${attributes({ name: "verdict", value: gate.verdict })}/>\n    </properties>`;
  return { xml: [head, properties, ...cases, "  </testsuite>"].join("\n"), tests, failures, errors, skipped };
}

function baseName(finding: Finding): string {
  const subject = describeResource(finding.resource);
  const where = finding.location ? formatLocation(finding.location) : "";
  return [finding.rule, subject, finding.container ? `container ${finding.container}` : "", where].filter(Boolean).join(" ");
}

function fileAttributes(finding: Finding): Record<string, string> {
  return finding.location ? { file: finding.location.file, line: String(finding.location.line) } : {};
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function attributes(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key}="${escapeXml(value).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;")}"`)
    .join(" ");
}

function text(value: string): string {
  return escapeXml(value);
}

/** Escapes markup and drops characters XML 1.0 cannot carry at all. */
export function escapeXml(value: string): string {
  return value
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}
