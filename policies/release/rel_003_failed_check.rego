package resilience.release

# METADATA
# title: Required gate did not pass on the tagged commit
# description: |
#   The latest `resilience-gates / <gate>` check run of a required gate on the tagged commit concluded
#   with something other than success (or neutral, a gate that only warned, unless allowWarn is false):
#   failure, cancelled, timed_out, action_required, skipped or stale. The release ships only what passed.
# custom:
#   id: REL-003
#   severity: block
#   remediation: |
#     Fix what the gate reported on that commit (its check run lists every finding with file and line),
#     merge the fix, and tag the new commit. Do not move a release tag onto a commit that failed.
#   docs: https://docs.github.com/rest/checks/runs#get-a-check-run
findings contains finding if {
	tag_is_release
	some gate in input.required_gates
	run := check_of(gate)
	completed(run)
	not run.conclusion in passing_conclusions
	finding := {
		"rule": "REL-003",
		"message": sprintf(
			"check run %s concluded %s on commit %s",
			[check_run_name(gate), conclusion_text(run), input.commit],
		),
		"check": gate,
		"field": "conclusion",
	}
}

conclusion_text(run) := run.conclusion if is_string(run.conclusion)

else := "with no conclusion"
