package resilience.readiness_test

import data.resilience.readiness

test_rd_012_no_runbook_url if {
	changed := object.union(alert, {"runbook_url": null, "runbook": null})
	found := readiness.findings with input as with_input({"alerts": [changed]})
	rules(found) == {"RD-012"}
}

test_rd_012_not_the_services_runbook if {
	elsewhere := object.union(alert, {"runbook": {"file": "runbooks/other.md", "anchor": null, "problem": null}})
	found := readiness.findings with input as with_input({"alerts": [elsewhere]})
	rules(found) == {"RD-012"}
}

test_rd_012_unknown_anchor if {
	typo := object.union(alert, {"runbook": {"file": "runbooks/api.md", "anchor": "mitigate", "problem": null}})
	found := readiness.findings with input as with_input({"alerts": [typo]})
	rules(found) == {"RD-012"}
}

test_rd_012_unresolvable if {
	gone := object.union(alert, {"runbook": {"file": null, "anchor": null, "problem": "it is not under runbookBaseUrl"}})
	found := readiness.findings with input as with_input({"alerts": [gone]})
	rules(found) == {"RD-012"}
}
