package resilience.release

# METADATA
# title: Evidence is no longer fresh at tag time
# description: |
#   Backups and restore proofs age: a gate that passed when the pull request merged can fail a week
#   later when the last backup or drill is too old. At tag time the release gate re-evaluates those
#   gates through the engine as of now; one that blocks or cannot run blocks the release.
# custom:
#   id: REL-006
#   severity: block
#   remediation: |
#     Restore the evidence the gate names (run the overdue backup or restore drill, fix the schedule),
#     then re-run the release gate. `resilience-gates check backups restore-proofs` shows the findings.
#   docs: docs/github.md#release-approvals
findings contains finding if {
	tag_is_release
	some fact in input.freshness
	fact.verdict in {"block", "error"}
	finding := {
		"rule": "REL-006",
		"message": sprintf("gate %s re-evaluated at tag time: %s (%s)", [fact.gate, fact.verdict, freshness_detail(fact)]),
		"freshness": fact.gate,
	}
}

freshness_detail(fact) := fact.error if is_string(fact.error)

else := sprintf("%d findings, blocking rules %s", [fact.findings, concat(", ", fact.blocking_rules)])
