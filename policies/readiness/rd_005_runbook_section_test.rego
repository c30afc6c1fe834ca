package resilience.readiness_test

import data.resilience.readiness

test_rd_005_missing_rollback if {
	partial := object.union(runbook, {"headings": [h | some h in runbook.headings; h != "rollback"]})
	found := readiness.findings with input as with_input({"runbooks": [partial]})
	rules(found) == {"RD-005"}
	some f in found
	contains(f.message, "\"rollback\"")
}

test_rd_005_words_inside_a_heading_count if {
	joined := object.union(runbook, {"headings": [
		"payments slow",
		"symptoms",
		"diagnosis",
		"mitigation",
		"rollback",
		"incident roles and escalation",
	]})
	count(readiness.findings) == 0 with input as with_input({"runbooks": [joined]})
}
