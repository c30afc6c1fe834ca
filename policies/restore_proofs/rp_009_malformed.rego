package resilience.restore_proofs

# METADATA
# title: A restore proof file cannot be read
# description: |
#   A file among the proofs is not valid JSON (truncated, hand-edited), does not follow
#   schemas/restore-proof.schema.json, or holds an impossible time. It proves nothing, and a damaged
#   file may be a tampered one.
# custom:
#   id: RP-009
#   severity: block
#   remediation: |
#     Look at the line named; proofs are written by `resilience-gates drill` and must not be edited.
#     Remove the file and run the drill again.
#   docs: docs/restore-proofs.md#rp-009
findings contains finding if {
	some problem in input.problems
	finding := {
		"rule": "RP-009",
		"message": sprintf("restore proof %s cannot be used: %s", [problem.file, problem.message]),
		"problem": problem.id,
	}
}
