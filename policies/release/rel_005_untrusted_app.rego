package resilience.release

# METADATA
# title: Gate check run was written by an untrusted app
# description: |
#   Anyone with a token that may write checks can create a check run with any name. A passing
#   `resilience-gates / <gate>` run counts only when the app that wrote it is trusted (by default
#   `github-actions`, the app behind the workflow token the action uses).
# custom:
#   id: REL-005
#   severity: block
#   remediation: |
#     Let the resilience-gates action write the check runs with the workflow's token, or add the app
#     that does to `gates.release.trustedApps`.
#   docs: https://docs.github.com/rest/checks/runs#list-check-runs-for-a-git-reference
findings contains finding if {
	tag_is_release
	some gate in input.required_gates
	run := check_of(gate)
	not trusted(run)
	finding := {
		"rule": "REL-005",
		"message": sprintf(
			"check run %s was written by app %s, which is not trusted",
			[check_run_name(gate), app_text(run)],
		),
		"check": gate,
		"field": "app",
	}
}

app_text(run) := run.app if is_string(run.app)

else := "(unknown)"
