package resilience.chaos_readiness

# METADATA
# title: A chaos result is impossible or contradicts itself
# description: |
#   A validly signed result whose facts cannot all be true: it says passed but lists failures, a missed
#   SLO, an unobserved degradation or a failed undo; its times are out of order; a phase counts more
#   errors than requests; an objective is met with no samples or against its own ratio. `chaos run`
#   never writes such a result, so the signing key signed something else: it is not counted, and the key
#   and whoever holds it deserve a look.
# custom:
#   id: CR-011
#   severity: block
#   remediation: |
#     Remove the result and run the experiment again with `resilience-gates chaos run`; find out what
#     signed this one (a leaked drill key is a reason to rotate it).
#   docs: docs/chaos.md#cr-011
findings contains finding if {
	some result in input.results
	result.signature == "valid"
	problems := contradictions(result)
	count(problems) > 0
	finding := {
		"rule": "CR-011",
		"message": sprintf(
			"chaos result %s (experiment %s) is impossible: %s; it is not counted",
			[result.file, result.experiment, concat("; ", problems)],
		),
		"result": result.id,
		"path": ["result"],
	}
}
