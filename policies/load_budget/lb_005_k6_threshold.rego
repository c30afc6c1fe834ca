package resilience.load_budget

# METADATA
# title: A k6 threshold of the script failed
# description: |
#   k6 judged one of the script's own thresholds as failed (a run that exits with code 99). The
#   --summary-export file writes `true` for a failed threshold; the gate normalises that, so this rule
#   fires exactly when k6 itself says the threshold failed.
# custom:
#   id: LB-005
#   severity: block
#   remediation: |
#     Fix what the threshold measures, or change the threshold in the k6 script (keep the script's
#     thresholds and .resilience/load-budgets.yaml in step).
#   docs: docs/load-budget.md#lb-005
findings contains finding if {
	some t in input.thresholds
	t.passed == false
	finding := {
		"rule": "LB-005",
		"message": sprintf("k6 threshold '%s' on %s failed", [t.expression, t.metric]),
		"threshold": t.id,
	}
}
