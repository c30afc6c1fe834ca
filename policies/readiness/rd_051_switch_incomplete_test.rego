package resilience.readiness_test

import data.resilience.readiness

test_rd_051_no_owner if {
	found := readiness.findings with input as with_input({"kill_switches": [object.union(kill_switch, {"owner": null})]})
	rules(found) == {"RD-051"}
}
