package resilience.readiness_test

import data.resilience.readiness

test_rd_050_dependency_without_switch if {
	calls := object.union(service, {"dependencies": ["payments", "redis"]})
	found := readiness.findings with input as with_input({"services": [calls]})
	rules(found) == {"RD-050"}
	count(found) == 1
}
