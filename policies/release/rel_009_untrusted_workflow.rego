package resilience.release

# METADATA
# title: Gate check run was written by a workflow or branch not on the allow-list
# description: |
#   The app that wrote a check run says little: every workflow of the repository writes as
#   `github-actions`, on any branch, and a workflow on a branch (or a pull request's own copy of the
#   workflow file) can post a passing `resilience-gates / <gate>` run for a commit before it is tagged.
#   With `trustedWorkflows` configured, a required gate's run counts only when its check suite belongs to
#   a run of an allowed workflow file on an allowed branch.
# custom:
#   id: REL-009
#   severity: block
#   remediation: |
#     Tag a commit whose gates ran in an allowed workflow on an allowed branch (the PR gates workflow on
#     pushes to the default branch), or add that workflow file and branch to
#     `gates.release.trustedWorkflows`. The token needs `actions: read` to trace check suites to runs.
#   docs: https://docs.github.com/rest/actions/workflow-runs#list-workflow-runs-for-a-repository
findings contains finding if {
	tag_is_release
	is_array(input.trusted_workflows)
	some gate in input.required_gates
	run := check_of(gate)
	not trusted_workflow(run.workflow)
	finding := {
		"rule": "REL-009",
		"message": sprintf(
			"check run %s was written by %s, which gates.release.trustedWorkflows does not allow",
			[check_run_name(gate), workflow_text(run.workflow)],
		),
		"check": gate,
		"field": "workflow",
	}
}

trusted_workflow(workflow) if {
	is_string(workflow.path)
	is_string(workflow.head_branch)
	some allowed in input.trusted_workflows
	glob.match(allowed.path, ["/"], workflow.path)
	some branch in allowed.branches
	glob.match(branch, ["/"], workflow.head_branch)
}

workflow_text(workflow) := sprintf("workflow %s on branch %s (%s event)", [
	text_or_unknown(workflow.path),
	text_or_unknown(workflow.head_branch),
	text_or_unknown(workflow.event),
]) if {
	is_object(workflow)
}

else := "no workflow run the token can see"

text_or_unknown(value) := value if is_string(value)

else := "(unknown)"
