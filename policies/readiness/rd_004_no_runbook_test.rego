package resilience.readiness_test

import data.resilience.readiness

test_rd_004_none_listed if {
	found := readiness.findings with input as with_input({"services": [object.union(service, {"runbooks": []})], "runbooks": []})
	rules(found) == {"RD-004"}
}

test_rd_004_missing_file if {
	gone := object.union(runbook, {"exists": false, "missing": "runbooks/x.md does not exist", "headings": [], "reviewed": null})
	found := readiness.findings with input as with_input({"runbooks": [gone]})
	rules(found) == {"RD-004"}
}
