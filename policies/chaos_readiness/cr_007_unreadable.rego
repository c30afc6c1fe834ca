package resilience.chaos_readiness

# METADATA
# title: A chaos result cannot be read
# description: |
#   The file (or ConfigMap) is not valid JSON, is truncated, is not a chaos result as
#   schemas/chaos-result.schema.json describes it, or holds a time that is no calendar time. It proves
#   nothing and hides what it was meant to prove.
# custom:
#   id: CR-007
#   severity: block
#   remediation: |
#     Replace it with the file `chaos run` wrote, byte for byte, or remove it and run the experiment again.
#   docs: docs/chaos.md#cr-007
findings contains finding if {
	some problem in input.problems
	finding := {
		"rule": "CR-007",
		"message": sprintf("chaos result %s cannot be read: %s", [problem.file, problem.message]),
		"problem": problem.id,
	}
}
