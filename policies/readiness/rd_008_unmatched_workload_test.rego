package resilience.readiness_test

import data.resilience.readiness

test_rd_008_unmatched if {
	changed := {"service": "api", "store": null, "name": "api-v2", "matched": false, "place": 3}
	found := readiness.findings with input as with_input({"catalog_workloads": [changed]})
	rules(found) == {"RD-008"}
}
