package resilience.readiness_test

import data.resilience.readiness

test_rd_010_no_slo if {
	found := readiness.findings with input as with_input({"slos": [], "alerts": []})
	rules(found) == {"RD-010"}
}

test_rd_010_tier_2_needs_none if {
	count(readiness.findings) == 0 with input as with_input({
		"services": [object.union(service, {"tier": 2})],
		"slos": [],
		"alerts": [],
	})
}
