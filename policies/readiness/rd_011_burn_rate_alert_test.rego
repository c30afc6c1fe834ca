package resilience.readiness_test

import data.resilience.readiness

test_rd_011_missing_slow_pair if {
	fast_only := object.union(alert, {"windows": [300, 3600]})
	found := readiness.findings with input as with_input({"alerts": [fast_only]})
	rules(found) == {"RD-011"}
	some f in found
	contains(f.message, "over 6h and 30m")
}

test_rd_011_product_threshold_counts if {
	as_product := object.union(alert, {"numbers": [0.0144, 0.006]})
	count(readiness.findings) == 0 with input as with_input({"alerts": [as_product]})
}

test_rd_011_wrong_budget if {
	loose := object.union(alert, {"numbers": [1, 14.4, 6, 0.99]})
	found := readiness.findings with input as with_input({"alerts": [loose]})
	rules(found) == {"RD-011"}
}

test_rd_011_other_objective_does_not_count if {
	other := object.union(alert, {"objective": 1})
	found := readiness.findings with input as with_input({"alerts": [other]})
	rules(found) == {"RD-011"}
}
