package resilience.readiness_test

import data.resilience.readiness

test_rd_001_neither if {
	changed := object.union(service, {"on_call": null, "escalation": null})
	found := readiness.findings with input as with_services([changed])
	rules(found) == {"RD-001"}
}

test_rd_001_escalation_is_enough if {
	count(readiness.findings) == 0 with input as with_services([object.union(service, {"on_call": null})])
}

test_rd_001_tier_2_warns if {
	changed := object.union(service, {"tier": 2, "on_call": null, "escalation": null})
	found := readiness.findings with input as with_services([changed])
	some f in found
	f.severity == "warn"
}
