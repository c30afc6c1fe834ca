package resilience.release_test

import data.resilience.release

test_rel_011_unknown_budget_blocks if {
	unknown := object.union(
		budget,
		{
			"bad": null,
			"remaining": null,
			"count": 0,
			"problem": "no stored baseline within the last 28d measured api-create-payment-availability",
		},
	)
	found := release.findings with input as with_fields({"error_budgets": [unknown], "error_budget_policy": policy})
	rules(found) == {"REL-011"}
	some f in found
	contains(f.message, "is unknown: no stored baseline within the last 28d")
}
