package resilience.chaos_readiness

# METADATA
# title: A chaos result is dated in the future
# description: |
#   The result says the experiment finished after the time of evaluation (more than five minutes
#   ahead): a wrong clock where it ran, or a made-up result. It is not counted.
# custom:
#   id: CR-012
#   severity: block
#   remediation: |
#     Fix the clock of the machine that ran the experiment and run it again; remove the result.
#   docs: docs/chaos.md#cr-012
findings contains finding if {
	some result in input.results
	result.signature == "valid"
	not credible(result)
	finding := {
		"rule": "CR-012",
		"message": sprintf(
			"chaos result %s says the experiment finished %s in the future; it is not counted",
			[result.file, span(result.finished - input.now)],
		),
		"result": result.id,
		"path": ["times", "finishedAt"],
	}
}
