package resilience.readiness_test

import data.resilience.readiness

test_rd_042_undeclared_store if {
	db := object.union(workload, {
		"id": 1,
		"name": "ledger",
		"service": null,
		"store": "ledger-db",
		"network": object.union(workload.network, {"egress": []}),
	})
	store := {"name": "ledger-db", "service": "payments", "tier": 1}
	network := object.union(workload.network, {"egress": [{"target": "{}", "workloads": ["ledger"], "place": 13}]})
	calls := object.union(workload, {"network": network})
	found := readiness.findings with input as with_input({"workloads": [calls, db], "stores": [store]})
	rules(found) == {"RD-042"}
}

test_rd_042_egress_anywhere if {
	peer := {"target": "anywhere (an egress rule without `to`)", "workloads": [], "place": 13}
	network := object.union(workload.network, {"egress": [peer]})
	calls := object.union(workload, {"network": network})
	found := readiness.findings with input as with_input({"workloads": [calls]})
	rules(found) == {"RD-042"}
}
