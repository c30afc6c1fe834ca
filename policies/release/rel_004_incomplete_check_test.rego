package resilience.release_test

import data.resilience.release

test_rel_004_in_progress_blocks if {
	pending := object.union(run("migrations", null), {"status": "in_progress"})
	found := release.findings with input as with_fields({"check_runs": [run("security-context", "success"), pending]})
	rules(found) == {"REL-004"}
}
