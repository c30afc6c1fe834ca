import type { RuleCatalog, RuleMetadata } from "../engine/rules.js";
import type { AppliedWaiver, Finding, GateResult, Report } from "../engine/types.js";
import { describeResource } from "./console.js";
import { helpUri, projectUrl, toolVersion } from "./links.js";
import type { Reporter } from "./reporter.js";

/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`) and other viewers: one run,
 * the rules that fired described from the rule catalog, one result per finding with its real region,
 * waived findings as suppressed results (the audit trail), gate errors as tool notifications.
 */
export const sarifReporter: Reporter = {
  format: "sarif",
  render(report, context) {
    return `${JSON.stringify(toSarif(report, context.catalog), null, 2)}\n`;
  },
};

const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: "error" | "warning" };
  properties: { tags: string[]; gate: string; source?: string };
}

export function toSarif(report: Report, catalog: RuleCatalog | undefined): Record<string, unknown> {
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const indexOf = (finding: Finding, gate: string): number => {
    let index = ruleIndex.get(finding.rule);
    if (index === undefined) {
      index = rules.length;
      ruleIndex.set(finding.rule, index);
      rules.push(describeRule(finding, gate, catalog?.get(finding.rule)));
    }
    return index;
  };
  const results: Record<string, unknown>[] = [];
  const notifications: Record<string, unknown>[] = [];
  for (const gate of report.gates) {
    for (const finding of gate.findings) results.push(result(finding, gate, indexOf(finding, gate.id)));
    for (const applied of gate.waived) results.push({ ...result(applied.finding, gate, indexOf(applied.finding, gate.id)), suppressions: [suppression(applied)] });
    if (gate.verdict === "error") {
      notifications.push({
        level: "error",
        message: { text: `gate ${gate.id}: ${gate.error ?? "error"}` },
        descriptor: { id: gate.id },
      });
    }
  }
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "resilience-gates",
            semanticVersion: toolVersion(),
            informationUri: projectUrl(),
            rules,
          },
        },
        originalUriBaseIds: { "%SRCROOT%": { description: { text: "The repository root; every artifact URI is relative to it." } } },
        invocations: [
          {
            executionSuccessful: !report.gates.some((gate) => gate.verdict === "error"),
            toolExecutionNotifications: notifications,
          },
        ],
        results,
        properties: { verdict: report.verdict, gates: Object.fromEntries(report.gates.map((gate) => [gate.id, gate.verdict])) },
      },
    ],
  };
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
    properties: { tags: ["resilience", metadata?.gate ?? gate], gate: metadata?.gate ?? gate, ...(metadata?.source ? { source: metadata.source } : {}) },
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
    location.logicalLocations = [{ name: finding.resource.name, fullyQualifiedName: subject, kind: finding.resource.kind.toLowerCase() }];
  }
  return {
    ruleId: finding.rule,
    ruleIndex,
    level: finding.severity === "block" ? "error" : "warning",
    message: { text: `${subject ? `${subject}: ` : ""}${finding.message}` },
    ...(Object.keys(location).length > 0 ? { locations: [location] } : {}),
    properties: { gate: gate.id, severity: finding.severity },
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
