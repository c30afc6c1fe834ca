package resilience.readiness_test

import data.resilience.readiness

test_rd_022_over_budget if {
	changed := object.union(route, {"retry": {"attempts": 2, "per_try_timeout_seconds": 0.5}})
	found := readiness.findings with input as with_input({"routes": [changed]})
	rules(found) == {"RD-022"}
	some f in found
	contains(f.message, "3 tries")
}

test_rd_022_exact_fit_passes if {
	fits := object.union(route, {"timeout_seconds": 1.5, "retry": {"attempts": 2, "per_try_timeout_seconds": 0.5}})
	count(readiness.findings) == 0 with input as with_input({"routes": [fits]})
}
