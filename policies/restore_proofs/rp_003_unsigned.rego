package resilience.restore_proofs

# METADATA
# title: A restore proof is not signed
# description: |
#   The proof file has no signature. Anyone can write a JSON file that says a drill passed; only a
#   signature by the drill's key shows that the drill produced it.
# custom:
#   id: RP-003
#   severity: block
#   remediation: |
#     Produce proofs with `resilience-gates drill`, which signs them (`--key` or
#     RESILIENCE_GATES_DRILL_KEY); delete hand-written or unsigned proof files.
#   docs: docs/restore-proofs.md#rp-003
findings contains finding if {
	some proof in input.proofs
	proof.signature == "missing"
	finding := {
		"rule": "RP-003",
		"message": sprintf(
			"restore proof %s is not signed; it counts for nothing",
			[proof.file],
		),
		"proof": proof.id,
		"path": [],
	}
}
