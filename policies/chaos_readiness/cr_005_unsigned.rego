package resilience.chaos_readiness

# METADATA
# title: A chaos result is not signed
# description: |
#   The result carries no signature, so nothing shows that `chaos run` wrote it or that nobody edited
#   it since. It is not counted.
# custom:
#   id: CR-005
#   severity: block
#   remediation: |
#     Run the experiment with the drill signing key (`chaos run --key KEY` or RESILIENCE_GATES_DRILL_KEY)
#     and replace the unsigned file with the signed result.
#   docs: docs/chaos.md#cr-005
findings contains finding if {
	some result in input.results
	result.signature == "missing"
	finding := {
		"rule": "CR-005",
		"message": sprintf(
			"chaos result %s (experiment %s) is not signed; it is not counted",
			[result.file, result.experiment],
		),
		"result": result.id,
		"path": [],
	}
}
