package resilience.readiness_test

import data.resilience.readiness

test_rd_008_unmatched if {
	found := readiness.findings with input as with_input({"catalog_workloads": [{"service": "api", "store": null, "name": "api-v2", "matched": false, "place": 3}]})
	rules(found) == {"RD-008"}
}
