package resilience.readiness_test

import data.resilience.readiness

test_rd_052_never_tested if {
	found := readiness.findings with input as with_input({"kill_switches": [object.union(kill_switch, {"tests": []})]})
	rules(found) == {"RD-052"}
}

test_rd_052_stale if {
	old := [{"date": "2026-05-01", "epoch": now - (184 * 86400), "result": "pass", "by": "ana", "place": 21}]
	found := readiness.findings with input as with_input({"kill_switches": [object.union(kill_switch, {"tests": old})]})
	rules(found) == {"RD-052"}
	some f in found
	contains(f.message, "184 days ago")
}

test_rd_052_newest_failed if {
	item := {"date": "2026-10-30", "epoch": now - (2 * 86400), "result": "fail", "by": "ana", "place": 22}
	tests := array.concat(kill_switch.tests, [item])
	changed := object.union(kill_switch, {"tests": tests})
	found := readiness.findings with input as with_input({"kill_switches": [changed]})
	rules(found) == {"RD-052"}
}
