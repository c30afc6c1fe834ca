package resilience.readiness_test

import data.resilience.readiness

test_rd_030_one_replica if {
	single := object.union(workload, {"replicas": 1, "hpa": null})
	found := readiness.findings with input as with_input({"workloads": [single]})
	"RD-030" in rules(found)
}

test_rd_030_hpa_min_counts if {
	scaled := object.union(workload, {"replicas": 1})
	count(readiness.findings) == 0 with input as with_input({"workloads": [scaled]})
}
