package resilience.readiness_test

import data.resilience.readiness

test_rd_060_no_liveness if {
	bare := object.union(workload, {"containers": [object.union(container, {"liveness_probe": false})]})
	found := readiness.findings with input as with_input({"workloads": [bare]})
	rules(found) == {"RD-060"}
}
