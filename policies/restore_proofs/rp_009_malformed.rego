package resilience.restore_proofs

# METADATA
# title: A restore proof cannot be used
# description: |
#   A file among the proofs is not valid JSON (truncated, hand-edited), does not follow
#   schemas/restore-proof.schema.json, holds an impossible time, or, signed by a trusted key, contradicts
#   itself: `result: passed` with failures, an integrity verdict its checks do not give, a restore that
#   started before its backup existed or was verified before it started, an RTO or RPO its own times do
#   not give. A signature proves who wrote a proof, not that it is true. It proves nothing, and a damaged
#   file may be a tampered one.
# custom:
#   id: RP-009
#   severity: block
#   remediation: |
#     Look at the line named; proofs are written by `resilience-gates drill` and must not be edited.
#     Remove the file and run the drill again. A signed proof that contradicts itself was edited before
#     it was signed, or signed by something that is not the drill: find out which before trusting the key.
#   docs: docs/restore-proofs.md#rp-009
findings contains finding if {
	some problem in input.problems
	finding := {
		"rule": "RP-009",
		"message": sprintf("restore proof %s cannot be used: %s", [problem.file, problem.message]),
		"problem": problem.id,
	}
}
