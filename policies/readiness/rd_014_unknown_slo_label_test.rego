package resilience.readiness_test

import data.resilience.readiness

test_rd_014_unknown_slo if {
	stray := object.union(alert, {"id": 1, "slo": "api-availabilty", "objective": null})
	found := readiness.findings with input as with_input({"alerts": [alert, stray]})
	rules(found) == {"RD-014"}
}

test_rd_014_no_objective_label_on_a_multi_objective_slo if {
	vague := object.union(alert, {"id": 1, "objective": null, "objective_label": null})
	found := readiness.findings with input as with_input({"alerts": [alert, vague]})
	rules(found) == {"RD-014"}
}
