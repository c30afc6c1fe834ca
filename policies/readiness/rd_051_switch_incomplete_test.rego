package resilience.readiness_test

import data.resilience.readiness

test_rd_051_no_owner if {
	changed := object.union(kill_switch, {"owner": null})
	found := readiness.findings with input as with_input({"kill_switches": [changed]})
	rules(found) == {"RD-051"}
}
