package resilience.readiness_test

import data.resilience.readiness

test_rd_033_no_hpa if {
	found := readiness.findings with input as with_input({"workloads": [object.union(workload, {"hpa": null})]})
	rules(found) == {"RD-033"}
}

test_rd_033_cannot_scale if {
	stuck := object.union(workload, {"hpa": object.union(workload.hpa, {"max": 3})})
	found := readiness.findings with input as with_input({"workloads": [stuck]})
	rules(found) == {"RD-033"}
}

test_rd_033_no_stabilisation if {
	jumpy := object.union(workload, {"hpa": object.union(workload.hpa, {"stabilization_seconds": null})})
	found := readiness.findings with input as with_input({"workloads": [jumpy]})
	rules(found) == {"RD-033"}
}
