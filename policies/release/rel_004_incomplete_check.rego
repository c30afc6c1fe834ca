package resilience.release

# METADATA
# title: Required gate has not finished on the tagged commit
# description: |
#   The latest check run of a required gate on the tagged commit is still queued or in progress, so
#   its verdict is not known yet. The release gate does not wait and does not guess: it blocks.
# custom:
#   id: REL-004
#   severity: block
#   remediation: Wait for the gate's workflow to finish on the commit, then re-run the release gate.
#   docs: https://docs.github.com/rest/checks/runs#list-check-runs-for-a-git-reference
findings contains finding if {
	tag_is_release
	some gate in input.required_gates
	run := check_of(gate)
	not completed(run)
	finding := {
		"rule": "REL-004",
		"message": sprintf("check run %s is %s, not completed", [check_run_name(gate), run.status]),
		"check": gate,
		"field": "status",
	}
}
