package resilience.restore_proofs

# METADATA
# scope: rule
# title: The measured restore time exceeds the store's RTO
# description: |
#   The newest valid drill took longer from the start of the restore to a verified copy than the
#   store's recovery time objective allows, or recorded no restore time although it passed. A real
#   outage would last at least that long.
# custom:
#   id: RP-005
#   severity: block
#   remediation: |
#     Make restores faster (parallel pg_restore --jobs, smaller or partitioned stores, physical backups
#     or replicas instead of logical dumps), or agree a longer RTO and set it for the store in the catalog.
#   docs: docs/restore-proofs.md#rp-005
findings contains finding if {
	some store in input.stores
	proof := latest(store)
	is_number(proof.rto_seconds)
	proof.rto_seconds > store.rto_seconds
	measured := measured_text(proof.rto_seconds)
	limit := limit_text("RTO", "rto", store.rto_seconds, store)
	finding := {
		"rule": "RP-005",
		"message": sprintf(
			"the latest restore drill took %s to a verified copy, over its %s",
			[measured, limit],
		),
		"proof": proof.id,
		"path": ["measured", "rtoSeconds"],
	}
}

findings contains finding if {
	some store in input.stores
	proof := latest(store)
	proof.result == "passed"
	not is_number(proof.rto_seconds)
	finding := {
		"rule": "RP-005",
		"message": "the latest restore drill passed but records no restore time (measured.rtoSeconds)",
		"proof": proof.id,
		"path": ["measured", "rtoSeconds"],
	}
}
