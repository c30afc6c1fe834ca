import { createHash } from "node:crypto";
import type { RuleCatalog, RuleMetadata } from "../engine/rules.js";
import type { AppliedWaiver, Finding, GateResult, Report } from "../engine/types.js";
import { describeResource } from "./console.js";
import { helpUri, projectUrl, toolVersion } from "./links.js";
import type { Reporter } from "./reporter.js";

/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`) and other viewers: one run
 * per gate, its own category (`runAutomationDetails.id` `<category>/<gate>/`), the rules that fired
 * described from the rule catalog, one result per finding with its real region and a fingerprint on the
 * rule and the resource (and container), waived findings as suppressed results (the audit trail). A gate
 * that could not run has no run at all: an empty run would close every open alert of its category. Its
 * error is in the log's properties (`gateErrors`).
 */
export const sarifReporter: Reporter = {
  format: "sarif",
  render(report, context) {
    return `${JSON.stringify(toSarif(report, context.catalog, context.category), null, 2)}\n`;
  },
};

const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
/** The partialFingerprints key: code scanning matches alerts across commits by it, not by line. */
export const FINGERPRINT_KEY = "resilienceGatesFinding/v1";
/** Gates whose rules are security rules: code scanning ranks their alerts by `security-severity`. */
const SECURITY_GATES = new Set(["security-context"]);
const SECURITY_SEVERITY = { block: "7.5", warn: "4.0" } as const;

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: "error" | "warning" };
  properties: { tags: string[]; gate: string; source?: string; "security-severity"?: string };
}

export function toSarif(report: Report, catalog: RuleCatalog | undefined, category = "resilience-gates"): Record<string, unknown> {
  const errors = report.gates.filter((gate) => gate.verdict === "error");
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: report.gates.filter((gate) => gate.verdict !== "error").map((gate) => gateRun(gate, catalog, category)),
    ...(errors.length > 0 ? { properties: { gateErrors: Object.fromEntries(errors.map((gate) => [gate.id, gate.error ?? "error"])) } } : {}),
  };
}

function gateRun(gate: GateResult, catalog: RuleCatalog | undefined, category: string): Record<string, unknown> {
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const indexOf = (finding: Finding): number => {
    let index = ruleIndex.get(finding.rule);
    if (index === undefined) {
      index = rules.length;
      ruleIndex.set(finding.rule, index);
      rules.push(describeRule(finding, gate.id, catalog?.get(finding.rule)));
    }
    return index;
  };
  const results: Record<string, unknown>[] = [];
  for (const finding of gate.findings) results.push(result(finding, gate, indexOf(finding)));
  for (const applied of gate.waived) results.push({ ...result(applied.finding, gate, indexOf(applied.finding)), suppressions: [suppression(applied)] });
  return {
    tool: {
      driver: {
        name: "resilience-gates",
        semanticVersion: toolVersion(),
        informationUri: projectUrl(),
        rules,
      },
    },
    automationDetails: { id: `${category}/${gate.id}/` },
    originalUriBaseIds: { "%SRCROOT%": { description: { text: "The repository root; every artifact URI is relative to it." } } },
    invocations: [{ executionSuccessful: true }],
    results,
    properties: { gate: gate.id, verdict: gate.verdict },
  };
}

/** Rule, resource and container: two workloads sharing one values-file line stay two alerts. */
export function fingerprintOf(finding: Finding): string {
  const identity = finding.resource
    ? [finding.rule, finding.resource.kind, finding.resource.namespace ?? "", finding.resource.name, finding.container ?? ""]
    : [finding.rule, finding.location?.file ?? "", finding.message];
  return createHash("sha256").update(identity.join("\u0000")).digest("hex");
}

function describeRule(finding: Finding, gate: string, metadata: RuleMetadata | undefined): SarifRule {
  const title = metadata?.title ?? finding.title;
  const description = metadata?.description?.trim() || title;
  const remediation = metadata?.remediation ?? finding.remediation;
  const docs = metadata?.docs ?? finding.docs;
  const severity = metadata?.severity ?? finding.severity;
  const uri = helpUri(finding.rule, docs);
  return {
    id: finding.rule,
    name: pascalCase(title),
    shortDescription: { text: title },
    fullDescription: { text: description },
    help: {
      text: `${description}\n\nFix: ${remediation}\n\nMore: ${uri}`,
      markdown: `${description}\n\n**Fix:** ${remediation}\n\n[Documentation](${uri})`,
    },
    helpUri: uri,
    defaultConfiguration: { level: severity === "block" ? "error" : "warning" },
    properties: {
      tags: ["resilience", metadata?.gate ?? gate, ...(SECURITY_GATES.has(metadata?.gate ?? gate) ? ["security"] : [])],
      gate: metadata?.gate ?? gate,
      ...(metadata?.source ? { source: metadata.source } : {}),
      ...(SECURITY_GATES.has(metadata?.gate ?? gate) ? { "security-severity": SECURITY_SEVERITY[severity] } : {}),
    },
  };
}

function result(finding: Finding, gate: GateResult, ruleIndex: number): Record<string, unknown> {
  const subject = describeResource(finding.resource);
  const location: Record<string, unknown> = {};
  if (finding.location) {
    const region: Record<string, number> = { startLine: finding.location.line };
    if (finding.location.column) region.startColumn = finding.location.column;
    if (finding.location.endLine && finding.location.endLine >= finding.location.line) region.endLine = finding.location.endLine;
    location.physicalLocation = { artifactLocation: { uri: encodeUri(finding.location.file), uriBaseId: "%SRCROOT%" }, region };
  }
  if (finding.resource) {
    location.logicalLocations = [{ name: finding.resource.name, fullyQualifiedName: `${subject}${finding.container ? `/${finding.container}` : ""}`, kind: finding.resource.kind.toLowerCase() }];
  }
  return {
    ruleId: finding.rule,
    ruleIndex,
    // An audit finding (mode: audit) is a note: code scanning lists it without failing a protection rule.
    level: finding.audit ? "note" : finding.severity === "block" ? "error" : "warning",
    message: { text: `${subject ? `${subject}: ` : ""}${finding.message}` },
    ...(Object.keys(location).length > 0 ? { locations: [location] } : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprintOf(finding) },
    properties: { gate: gate.id, severity: finding.severity, ...(finding.container ? { container: finding.container } : {}), ...(finding.audit ? { audit: true } : {}) },
  };
}

function suppression(applied: AppliedWaiver): Record<string, unknown> {
  const { waiver } = applied;
  return {
    kind: "external",
    status: "accepted",
    justification: `${waiver.reason} (owner ${waiver.owner}, expires ${waiver.expires}${waiver.ticket ? `, ${waiver.ticket}` : ""})`,
    location: {
      physicalLocation: {
        artifactLocation: { uri: encodeUri(waiver.source.file), uriBaseId: "%SRCROOT%" },
        region: { startLine: waiver.source.line, ...(waiver.source.column ? { startColumn: waiver.source.column } : {}) },
      },
    },
  };
}

/** A repository-relative path as a relative URI reference: each segment percent-encoded. */
function encodeUri(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

function pascalCase(text: string): string {
  return text
    .replace(/[^A-Za-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}
