package resilience.release

# METADATA
# title: Evidence gate warns at tag time
# description: |
#   An evidence gate (backups, restore proofs) re-evaluated at tag time passes with warnings: the
#   release may ship, and the attestation records that it shipped with them.
# custom:
#   id: REL-008
#   severity: warn
#   remediation: Look at the gate's warnings (`resilience-gates check <gate>`) before they turn into blocks.
#   docs: docs/github.md#release-approvals
findings contains finding if {
	tag_is_release
	some fact in input.freshness
	fact.verdict == "warn"
	finding := {
		"rule": "REL-008",
		"message": sprintf("gate %s re-evaluated at tag time warns (%d findings)", [fact.gate, fact.findings]),
		"freshness": fact.gate,
	}
}
