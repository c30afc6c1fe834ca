package resilience.restore_proofs

# METADATA
# title: A restore drill verified nothing
# description: |
#   The newest valid proof of the store records no integrity check at all: no table, database or key was
#   compared with the source. A restore of an empty or unreachable copy proves nothing.
# custom:
#   id: RP-012
#   severity: block
#   remediation: |
#     Drill against the real store (or a copy with its data), so that the proof compares tables or keys.
#   docs: docs/restore-proofs.md#rp-012
findings contains finding if {
	some store in input.stores
	proof := latest(store)
	proof.result == "passed"
	count(proof.checks) == 0
	finding := {
		"rule": "RP-012",
		"message": "the latest restore drill passed without comparing anything with the source: no integrity checks",
		"proof": proof.id,
		"path": ["integrity", "checks"],
	}
}
