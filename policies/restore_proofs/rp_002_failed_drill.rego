package resilience.restore_proofs

# METADATA
# title: The latest restore drill failed
# description: |
#   The newest valid proof of the store records a failed drill: the restore did not complete, or a check
#   after it failed. Until a drill passes again, nobody knows that the store can be restored.
# custom:
#   id: RP-002
#   severity: block
#   remediation: |
#     Read the proof's `failures`, fix the backup or the restore path, and run the drill again; the newest
#     passing proof replaces the failed one.
#   docs: docs/restore-proofs.md#rp-002
findings contains finding if {
	some store in input.stores
	proof := latest(store)
	proof.result == "failed"
	reasons := concat("; ", array.slice(proof.failures, 0, 3))
	finding := {
		"rule": "RP-002",
		"message": sprintf(
			"the latest restore drill failed: %s",
			[failure_text(reasons)],
		),
		"proof": proof.id,
		"path": ["result"],
	}
}

failure_text(reasons) := reasons if reasons != ""

else := "the proof lists no reason"
