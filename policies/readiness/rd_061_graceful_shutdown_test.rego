package resilience.readiness_test

import data.resilience.readiness

test_rd_061_grace_too_short if {
	short := object.union(workload, {
		"termination_grace_seconds": 30,
		"containers": [object.union(container, {"pre_stop_seconds": 10, "drain_seconds": 25})],
	})
	found := readiness.findings with input as with_input({"workloads": [short]})
	rules(found) == {"RD-061"}
	some f in found
	contains(f.message, "(35s)")
}

test_rd_061_covered if {
	long := object.union(workload, {
		"termination_grace_seconds": 45,
		"containers": [object.union(container, {"pre_stop_seconds": 10, "drain_seconds": 25})],
	})
	count(readiness.findings) == 0 with input as with_input({"workloads": [long]})
}
