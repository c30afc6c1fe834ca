package resilience.restore_proofs

# METADATA
# title: A restore proof's signature is invalid
# description: |
#   The proof carries a signature that does not verify with any trusted public key: the proof was
#   changed after it was signed (tampered), or signed by a key that is not trusted (forged, or a key
#   that was rotated out). A tampered proof in the evidence is a security problem, not just a stale one.
# custom:
#   id: RP-004
#   severity: block
#   remediation: |
#     Find out who changed the proof and why; remove it and run the drill again. If the drill key was
#     rotated, add the new public key to the gate's publicKey list.
#   docs: docs/restore-proofs.md#rp-004
findings contains finding if {
	some proof in input.proofs
	proof.signature == "invalid"
	finding := {
		"rule": "RP-004",
		"message": sprintf(
			"restore proof %s has an invalid signature: %s",
			[proof.file, proof.signature_detail],
		),
		"proof": proof.id,
		"path": ["signature", "value"],
	}
}
