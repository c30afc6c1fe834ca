package resilience.readiness_test

import data.resilience.readiness

test_rd_002_tier_1_without_dri if {
	found := readiness.findings with input as with_services([object.union(service, {"dri": null})])
	rules(found) == {"RD-002"}
}

test_rd_002_tier_2_needs_none if {
	count(readiness.findings) == 0 with input as with_services([object.union(service, {"tier": 2, "dri": null})])
}
