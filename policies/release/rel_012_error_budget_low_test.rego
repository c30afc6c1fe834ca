package resilience.release_test

import data.resilience.release

test_rel_012_low_budget_warns if {
	low := object.union(
		budget,
		{"bad": 0.0009, "remaining": 0.1, "text": {"bad": "0.09%", "allowed": "0.1%", "remaining": "10%"}},
	)
	found := release.findings with input as with_fields({"error_budgets": [low], "error_budget_policy": policy})
	rules(found) == {"REL-012"}
}

test_rel_012_threshold_is_configurable if {
	low := object.union(budget, {"remaining": 0.4})
	half := object.union(policy, {"warn_below": 0.5})
	rules(release.findings) == {"REL-012"} with input as with_fields({"error_budgets": [low], "error_budget_policy": half})
}
