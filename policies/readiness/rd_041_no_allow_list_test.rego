package resilience.readiness_test

import data.resilience.readiness

test_rd_041_no_allow_list if {
	closed := object.union(workload, {"network": object.union(workload.network, {"allow_policies": []})})
	found := readiness.findings with input as with_input({"workloads": [closed]})
	rules(found) == {"RD-041"}
}
