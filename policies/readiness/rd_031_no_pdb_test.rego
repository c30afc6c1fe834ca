package resilience.readiness_test

import data.resilience.readiness

test_rd_031_no_pdb if {
	found := readiness.findings with input as with_input({"workloads": [object.union(workload, {"pdbs": []})]})
	rules(found) == {"RD-031"}
}
