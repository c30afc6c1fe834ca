package resilience.release_test

import data.resilience.release

test_rel_005_other_app_blocks if {
	forged := object.union(run("migrations", "success"), {"app": "someone-elses-app"})
	found := release.findings with input as with_fields({"check_runs": [run("security-context", "success"), forged]})
	rules(found) == {"REL-005"}
}

test_rel_005_configured_app_passes if {
	other := object.union(run("migrations", "success"), {"app": "our-ci"})
	count(release.findings) == 0 with input as with_fields({
		"trusted_apps": ["github-actions", "our-ci"],
		"check_runs": [run("security-context", "success"), other],
	})
}
