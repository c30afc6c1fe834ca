package resilience.readiness_test

import data.resilience.readiness

test_rd_003_unowned_workload if {
	found := readiness.findings with input as with_input({"workloads": [object.union(workload, {"service": null})]})
	rules(found) == {"RD-003"}
}

test_rd_003_store_workload_is_known if {
	changed := object.union(workload, {"service": null, "store": "ledger-db"})
	count(readiness.findings) == 0 with input as with_input({"workloads": [changed]})
}

test_rd_003_label_names_unknown_service if {
	changed := object.union(workload, {"service": "paymnts", "label_service": "paymnts"})
	found := readiness.findings with input as with_input({"workloads": [changed]})
	rules(found) == {"RD-003"}
}
