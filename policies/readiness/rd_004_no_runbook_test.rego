package resilience.readiness_test

import data.resilience.readiness

test_rd_004_none_listed if {
	found := readiness.findings with input as with_input({
		"services": [object.union(service, {"runbooks": []})],
		"runbooks": [],
	})

	# the burn-rate alert's runbook_url then points at no runbook of the service as well
	rules(found) == {"RD-004", "RD-012"}
}

test_rd_004_missing_file if {
	gone := object.union(runbook, {
		"exists": false,
		"missing": "runbooks/x.md does not exist",
		"headings": [],
		"reviewed": null,
	})
	found := readiness.findings with input as with_input({"runbooks": [gone]})

	# the burn-rate alert's runbook_url then points at no runbook of the service as well
	rules(found) == {"RD-004", "RD-012"}
}
