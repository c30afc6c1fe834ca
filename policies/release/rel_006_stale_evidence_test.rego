package resilience.release_test

import data.resilience.release

test_rel_006_blocking_evidence_gate if {
	fact := {"gate": "backups", "verdict": "block", "findings": 2, "blocking_rules": ["BK-003"], "error": null}
	found := release.findings with input as with_fields({"freshness": [fact]})
	rules(found) == {"REL-006"}
	some f in found
	f.message == "gate backups re-evaluated at tag time: block (2 findings, blocking rules BK-003)"
}

test_rel_006_error_blocks if {
	fact := {
		"gate": "restore-proofs", "verdict": "error", "findings": 0,
		"blocking_rules": [], "error": "no proofs directory",
	}
	found := release.findings with input as with_fields({"freshness": [fact]})
	rules(found) == {"REL-006"}
}
