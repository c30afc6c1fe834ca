package resilience.release

# METADATA
# title: Required gate never ran on the tagged commit
# description: |
#   Every required gate must have a completed `resilience-gates / <gate>` check run on the exact commit
#   the release tag points at. A commit that never went through the pull-request gates (a direct push,
#   a tag on an unreviewed commit, a gate added after the merge) has no such run, and is not released.
#   A run of the same name on another commit (a pull request's head, an earlier commit, recorded facts
#   that mix commits) never counts: the finding names the commit it is on.
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
	finding := object.union(
		{
			"rule": "REL-002",
			"message": sprintf("no check run %s on commit %s%s", [check_run_name(gate), input.commit, elsewhere_note(gate)]),
			"check": gate,
		},
		elsewhere_field(gate),
	)
}
