package resilience.restore_proofs

# METADATA
# title: A restore proof is dated in the future
# description: |
#   The proof says the drill finished after the time of evaluation (more than five minutes ahead): a
#   wrong clock on the drill machine, or a made-up proof. It is not counted.
# custom:
#   id: RP-013
#   severity: block
#   remediation: |
#     Fix the drill machine's clock and run the drill again; remove the proof.
#   docs: docs/restore-proofs.md#rp-013
findings contains finding if {
	some proof in input.proofs
	proof.signature == "valid"
	not credible(proof)
	ahead := duration(proof.drill_finished - input.now)
	finding := {
		"rule": "RP-013",
		"message": sprintf(
			"restore proof %s says the drill finished %s in the future; it is not counted",
			[proof.file, ahead],
		),
		"proof": proof.id,
		"path": ["drill", "finishedAt"],
	}
}
