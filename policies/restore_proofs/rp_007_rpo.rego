package resilience.restore_proofs

# METADATA
# title: The measured restore point is older than the store's RPO
# description: |
#   In the newest valid drill, the backup that was restored was older, when the restore started, than
#   the store's recovery point objective: restoring it in an outage would lose more data than allowed.
# custom:
#   id: RP-007
#   severity: block
#   remediation: |
#     Drill with a backup that is as fresh as production would have (take it at drill time, or restore
#     the newest scheduled one), and make sure backups run within the RPO (see the backups gate).
#   docs: docs/restore-proofs.md#rp-007
findings contains finding if {
	some store in input.stores
	proof := latest(store)
	proof.rpo_seconds > store.rpo_seconds
	measured := measured_text(proof.rpo_seconds)
	limit := limit_text("RPO", "rpo", store.rpo_seconds, store)
	finding := {
		"rule": "RP-007",
		"message": sprintf(
			"the latest restore drill restored a backup %s old, over its %s",
			[measured, limit],
		),
		"proof": proof.id,
		"path": ["measured", "rpoSeconds"],
	}
}
