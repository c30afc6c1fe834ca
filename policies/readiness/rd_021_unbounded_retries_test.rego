package resilience.readiness_test

import data.resilience.readiness

test_rd_021_too_many if {
	changed := object.union(route, {"retry": {"attempts": 5, "per_try_timeout_seconds": 0.1}})
	found := readiness.findings with input as with_input({"routes": [changed]})
	rules(found) == {"RD-021"}
}

test_rd_021_no_per_try_timeout if {
	changed := object.union(route, {"retry": {"attempts": 2, "per_try_timeout_seconds": null}})
	found := readiness.findings with input as with_input({"routes": [changed]})
	rules(found) == {"RD-021"}
}

test_rd_021_no_count if {
	changed := object.union(route, {"retry": {"attempts": null, "per_try_timeout_seconds": 0.2}})
	found := readiness.findings with input as with_input({"routes": [changed]})
	rules(found) == {"RD-021"}
}
