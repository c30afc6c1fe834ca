import type { AppliedWaiver, Finding, GateResult, Report } from "../../src/engine/types.js";

export function finding(index: number, overrides: Partial<Finding> = {}): Finding {
  return {
    rule: index % 3 === 0 ? "SC-005" : "SC-016",
    severity: index % 3 === 0 ? "block" : "warn",
    title: index % 3 === 0 ? "Privilege escalation is not explicitly disabled" : "No memory limit",
    message: `container app-${index} does not set allowPrivilegeEscalation: false | <b>not</b> 100% ok`,
    resource: { kind: "Deployment", name: `api-${index}`, namespace: "prod" },
    location: { file: `deploy/app ${index % 4}.yaml`, line: 10 + index, column: 9 },
    remediation: "Set it explicitly on the container:\n```yaml\nsecurityContext:\n  allowPrivilegeEscalation: false\n```",
    docs: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    ...overrides,
  };
}

export const waived: AppliedWaiver = {
  finding: finding(1, { rule: "SC-020", title: "Writable root filesystem", location: { file: "deploy/legacy.yaml", line: 7, column: 11 } }),
  waiver: {
    rule: "SC-020",
    reason: "writes its cache to / until PLAT-123",
    owner: "team-platform",
    expires: "2026-12-31",
    ticket: "PLAT-123",
    resource: { kind: "Deployment", name: "legacy" },
    source: { file: ".resilience/waivers.yaml", line: 3, column: 5 },
  },
};

export function gate(id: string, findings: Finding[], extra: Partial<GateResult> = {}): GateResult {
  const verdict = findings.some((f) => f.severity === "block") ? "block" : findings.length ? "warn" : "pass";
  return { id, verdict, findings, waived: [], stats: { findings: findings.length }, durationMs: 42, ...extra };
}

/** Three gates: one blocking with `count` findings and a waiver, one passing, one that could not run. */
export function sampleReport(count = 7): Report {
  return {
    verdict: "error",
    gates: [
      gate("security-context", Array.from({ length: count }, (_, i) => finding(i)), { waived: [waived] }),
      gate("migrations", []),
      { id: "backups", verdict: "error", findings: [], waived: [], error: "catalog.yaml:4: store ledger-db has no tier", stats: {}, durationMs: 3 },
    ],
  };
}
