package resilience.release_test

import data.resilience.release

allowed := [{"path": ".github/workflows/pr-gates.yml", "branches": ["main", "release/*"]}]

from_workflow(gate, path, branch) := object.union(
	run(gate, "success"),
	{"workflow": {"path": path, "head_branch": branch, "event": "push", "run_id": 7}},
)

test_rel_009_allowed_workflow_and_branch_passes if {
	count(release.findings) == 0 with input as with_fields({
		"trusted_workflows": allowed,
		"check_runs": [
			from_workflow("security-context", ".github/workflows/pr-gates.yml", "main"),
			from_workflow("migrations", ".github/workflows/pr-gates.yml", "release/1.4"),
		],
	})
}

test_rel_009_other_branch_blocks if {
	found := release.findings with input as with_fields({
		"trusted_workflows": allowed,
		"check_runs": [
			from_workflow("security-context", ".github/workflows/pr-gates.yml", "main"),
			from_workflow("migrations", ".github/workflows/pr-gates.yml", "evil"),
		],
	})
	rules(found) == {"REL-009"}
	some finding in found
	finding.message == concat("", [
		"check run resilience-gates / migrations was written by workflow .github/workflows/pr-gates.yml ",
		"on branch evil (push event), which gates.release.trustedWorkflows does not allow",
	])
}

test_rel_009_other_workflow_blocks if {
	found := release.findings with input as with_fields({
		"trusted_workflows": allowed,
		"check_runs": [
			from_workflow("security-context", ".github/workflows/anything.yml", "main"),
			from_workflow("migrations", ".github/workflows/pr-gates.yml", "main"),
		],
	})
	rules(found) == {"REL-009"}
}

test_rel_009_no_workflow_run_blocks if {
	found := release.findings with input as with_fields({
		"trusted_workflows": allowed,
		"check_runs": [
			object.union(run("security-context", "success"), {"workflow": null}),
			from_workflow("migrations", ".github/workflows/pr-gates.yml", "main"),
		],
	})
	some finding in found
	finding.rule == "REL-009"
	contains(finding.message, "no workflow run the token can see")
}

test_rel_009_not_configured_is_not_checked if {
	count(release.findings) == 0 with input as with_fields({"check_runs": [
		from_workflow("security-context", "x.yml", "evil"),
		run("migrations", "success"),
	]})
}
