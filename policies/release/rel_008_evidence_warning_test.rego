package resilience.release_test

import data.resilience.release

test_rel_008_warning_evidence if {
	fact := {"gate": "backups", "verdict": "warn", "findings": 1, "blocking_rules": [], "error": null}
	found := release.findings with input as with_fields({"freshness": [fact]})
	rules(found) == {"REL-008"}
}
