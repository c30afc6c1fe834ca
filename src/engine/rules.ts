import type { Severity } from "./types.js";

/** One rule of the catalog, from its METADATA block (or from the engine, for waiver rules). */
export interface RuleMetadata {
  id: string;
  gate: string;
  title: string;
  description: string;
  severity: Severity;
  remediation: string;
  docs: string;
  /** Where the rule is defined, e.g. policies/security_context/sc_005_allow_privilege_escalation.rego:12 */
  source: string;
}

export type RuleCatalog = Map<string, RuleMetadata>;

/** Rules the engine itself enforces: waivers that no longer hold are findings, not silent passes. */
export const ENGINE_RULES: readonly RuleMetadata[] = [
  {
    id: "WAIVER-001",
    gate: "waivers",
    title: "Waiver has expired",
    description: "A waiver past its `expires` date no longer suppresses anything, and the expired waiver itself blocks until it is removed or renewed with a new review.",
    severity: "block",
    remediation: "Fix the waived finding and delete the waiver, or renew it with a new `expires` date (at most 90 days ahead) after review.",
    docs: "docs/waivers.md#expiry",
    source: "src/engine/waivers.ts",
  },
  {
    id: "WAIVER-002",
    gate: "waivers",
    title: "Waiver is malformed",
    description: "A waiver must name a rule, a match (resource or file), a reason, an owner and an `expires` date at most 90 days ahead. A malformed waiver suppresses nothing and blocks.",
    severity: "block",
    remediation: "Complete the waiver: `rule`, `resource` or `file`, `reason`, `owner`, and `expires: YYYY-MM-DD` within 90 days.",
    docs: "docs/waivers.md#format",
    source: "src/engine/waivers.ts",
  },
];

export function catalogFrom(rules: readonly RuleMetadata[]): RuleCatalog {
  return new Map(rules.map((rule) => [rule.id, rule]));
}
