package resilience.readiness_test

import data.resilience.readiness

test_rd_021_too_many if {
	found := readiness.findings with input as with_input({"routes": [object.union(route, {"retry": {"attempts": 5, "per_try_timeout_seconds": 0.1}})]})
	rules(found) == {"RD-021"}
}

test_rd_021_no_per_try_timeout if {
	found := readiness.findings with input as with_input({"routes": [object.union(route, {"retry": {"attempts": 2, "per_try_timeout_seconds": null}})]})
	rules(found) == {"RD-021"}
}

test_rd_021_no_count if {
	found := readiness.findings with input as with_input({"routes": [object.union(route, {"retry": {"attempts": null, "per_try_timeout_seconds": 0.2}})]})
	rules(found) == {"RD-021"}
}
