package resilience.readiness_test

import data.resilience.readiness

test_rd_034_tier_0_unspread if {
	tier0 := object.union(service, {"tier": 0})
	found := readiness.findings with input as with_input({
		"services": [tier0],
		"workloads": [object.union(workload, {"spread": false})],
	})
	rules(found) == {"RD-034"}
}

test_rd_034_tier_1_may_stack if {
	count(readiness.findings) == 0 with input as with_input({"workloads": [object.union(workload, {"spread": false})]})
}
