package resilience.readiness_test

import data.resilience.readiness

test_rd_032_min_available_equals_replicas if {
	item := {"name": "api", "rule": "minAvailable 3", "disruptions_allowed": 0, "place": 11}
	tight := object.union(workload, {"pdbs": [item]})
	found := readiness.findings with input as with_input({"workloads": [tight]})
	rules(found) == {"RD-032"}
}
