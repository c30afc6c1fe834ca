package resilience.readiness_test

import data.resilience.readiness

test_rd_020_no_timeout if {
	found := readiness.findings with input as with_input({"routes": [object.union(route, {"timeout_seconds": null})]})
	rules(found) == {"RD-020"}
}

test_rd_020_disabled if {
	changed := object.union(route, {"timeout_seconds": 0, "timeout_disabled": true, "retry": null})
	found := readiness.findings with input as with_input({"routes": [changed]})
	"RD-020" in rules(found)
}
