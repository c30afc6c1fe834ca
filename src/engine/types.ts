/** The contracts every gate, policy and reporter shares (see DESIGN.md, "Contracts"). */

export type Severity = "block" | "warn";
export type Verdict = "pass" | "warn" | "block" | "error";

export interface ResourceRef {
  kind: string;
  name: string;
  namespace?: string;
}

/** 1-based line and column of the offending node. */
export interface SourceLocation {
  file: string;
  line: number;
  column?: number;
  endLine?: number;
}

export interface Finding {
  rule: string;
  severity: Severity;
  title: string;
  message: string;
  resource?: ResourceRef;
  /** The container of `resource` the finding is about (part of its identity: SARIF fingerprints, JUnit names). */
  container?: string;
  /** Reported only (`mode: audit` of its rule or gate): it never counts towards a verdict. */
  audit?: true;
  location?: SourceLocation;
  remediation: string;
  docs: string;
}

/** What a policy's `findings` set yields before the engine decorates it with rule metadata. */
export interface PolicyFinding {
  rule: string;
  message: string;
  /** Optional per-finding override of the rule's severity. */
  severity?: Severity;
  /** Gate-specific locator fields (for example `workload` and `path`), resolved by the collector. */
  [locator: string]: unknown;
}

export interface Waiver {
  rule: string;
  reason: string;
  owner: string;
  /** YYYY-MM-DD; the waiver is valid through the end of this day (UTC). */
  expires: string;
  ticket?: string;
  resource?: { kind?: string; name?: string; namespace?: string };
  file?: string;
  /** Where the waiver itself is written, for findings about the waiver. */
  source: SourceLocation;
}

export interface AppliedWaiver {
  finding: Finding;
  waiver: Omit<Waiver, "source"> & { source: SourceLocation };
}

export interface GateResult {
  id: string;
  verdict: Verdict;
  findings: Finding[];
  waived: AppliedWaiver[];
  /** Set when the verdict is `error`: what broke, in words a user can act on. */
  error?: string;
  /** `audit`: a report-only rollout; every finding is an audit finding (an `error` still blocks). */
  mode?: "audit";
  stats: Record<string, number>;
  durationMs: number;
}

export interface Report {
  verdict: Verdict;
  gates: GateResult[];
}
