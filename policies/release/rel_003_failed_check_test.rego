package resilience.release_test

import data.resilience.release

test_rel_003_failure_blocks if {
	runs := [run("security-context", "failure"), run("migrations", "success")]
	found := release.findings with input as with_fields({"check_runs": runs})
	rules(found) == {"REL-003"}
}

test_rel_003_neutral_passes_when_warnings_are_allowed if {
	runs := [run("security-context", "neutral"), run("migrations", "success")]
	count(release.findings) == 0 with input as with_fields({"check_runs": runs})
}

test_rel_003_neutral_blocks_when_warnings_are_not_allowed if {
	found := release.findings with input as with_fields({
		"allow_warn": false,
		"check_runs": [run("security-context", "neutral"), run("migrations", "success")],
	})
	rules(found) == {"REL-003"}
}

test_rel_003_skipped_and_cancelled_block if {
	runs := [run("security-context", "skipped"), run("migrations", "cancelled")]
	found := release.findings with input as with_fields({"check_runs": runs})
	count([f | some f in found; f.rule == "REL-003"]) == 2
}
