package resilience.readiness_test

import data.resilience.readiness

test_rd_003_unowned_workload if {
	found := readiness.findings with input as with_input({"workloads": [object.union(workload, {"service": null})]})
	rules(found) == {"RD-003"}
}

test_rd_003_store_workload_is_known if {
	count(readiness.findings) == 0 with input as with_input({"workloads": [object.union(workload, {"service": null, "store": "ledger-db"})]})
}

test_rd_003_label_names_unknown_service if {
	found := readiness.findings with input as with_input({"workloads": [object.union(workload, {"service": "paymnts", "label_service": "paymnts"})]})
	rules(found) == {"RD-003"}
}
