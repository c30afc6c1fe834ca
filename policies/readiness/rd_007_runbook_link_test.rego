package resilience.readiness_test

import data.resilience.readiness

test_rd_007_broken_link if {
	item := {"target": "../gone.md", "problem": "gone.md does not exist", "place": 4}
	broken := object.union(runbook, {"links": [item]})
	found := readiness.findings with input as with_input({"runbooks": [broken]})
	rules(found) == {"RD-007"}
}

test_rd_007_resolved_link_passes if {
	fine := object.union(runbook, {"links": [{"target": "rollback.md", "problem": null, "place": 4}]})
	count(readiness.findings) == 0 with input as with_input({"runbooks": [fine]})
}
