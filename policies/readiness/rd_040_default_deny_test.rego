package resilience.readiness_test

import data.resilience.readiness

test_rd_040_no_deny if {
	open := object.union(workload, {"network": object.union(workload.network, {"deny_ingress": false})})
	found := readiness.findings with input as with_input({"workloads": [open]})
	rules(found) == {"RD-040"}
}
