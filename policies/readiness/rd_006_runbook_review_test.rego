package resilience.readiness_test

import data.resilience.readiness

test_rd_006_no_date if {
	found := readiness.findings with input as with_input({"runbooks": [object.union(runbook, {"reviewed": null})]})
	rules(found) == {"RD-006"}
}

test_rd_006_stale if {
	old := object.union(runbook, {"reviewed": {"date": "2026-01-01", "epoch": now - (100 * 86400), "place": 9}})
	found := readiness.findings with input as with_input({"runbooks": [old]})
	rules(found) == {"RD-006"}
	some f in found
	contains(f.message, "100 days ago")
}

test_rd_006_exactly_at_cadence_passes if {
	edge := object.union(runbook, {"reviewed": {"date": "2026-01-01", "epoch": now - (90 * 86400), "place": 9}})
	count(readiness.findings) == 0 with input as with_input({"runbooks": [edge]})
}
