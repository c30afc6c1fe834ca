package resilience.release

# METADATA
# title: Required gate never ran on the tagged commit
# description: |
#   Every required gate must have a completed `resilience-gates / <gate>` check run on the exact commit
#   the release tag points at. A commit that never went through the pull-request gates (a direct push,
#   a tag on an unreviewed commit, a gate added after the merge) has no such run, and is not released.
# custom:
#   id: REL-002
#   severity: block
#   remediation: |
#     Tag a commit that went through the gates (the merge commit of a reviewed pull request, with the
#     PR gates workflow also running on pushes to the default branch), or run the missing gate's
#     workflow on this commit and re-run the release gate.
#   docs: https://docs.github.com/rest/checks/runs#list-check-runs-for-a-git-reference
findings contains finding if {
	tag_is_release
	some gate in input.required_gates
	not has_check(gate)
	finding := {
		"rule": "REL-002",
		"message": sprintf("no check run %s on commit %s", [check_run_name(gate), input.commit]),
		"check": gate,
	}
}
