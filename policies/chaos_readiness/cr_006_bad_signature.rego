package resilience.chaos_readiness

# METADATA
# title: A chaos result's signature is invalid
# description: |
#   The result carries a signature that does not verify with any trusted public key: it was changed
#   after it was signed (tampered), or signed by a key that is not trusted (forged, or a key rotated out).
# custom:
#   id: CR-006
#   severity: block
#   remediation: |
#     Find out who changed the result and why; remove it and run the experiment again. If the drill key
#     was rotated, add the new public key to the gate's publicKey list.
#   docs: docs/chaos.md#cr-006
findings contains finding if {
	some result in input.results
	result.signature == "invalid"
	finding := {
		"rule": "CR-006",
		"message": sprintf("chaos result %s has an invalid signature: %s", [result.file, result.signature_detail]),
		"result": result.id,
		"path": ["signature", "value"],
	}
}
