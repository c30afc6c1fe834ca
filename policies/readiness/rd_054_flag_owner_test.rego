package resilience.readiness_test

import data.resilience.readiness

test_rd_054_no_owner if {
	found := readiness.findings with input as with_input({"flags": [object.union(flag, {"owner": null})]})
	rules(found) == {"RD-054"}
}
