package resilience.backups

# METADATA
# title: The last successful backup is older than the store's RPO
# description: |
#   The newest successful backup recorded for the store (backup evidence files, a CronJob's
#   status.lastSuccessfulTime, or in live-cluster mode the newest Velero Backup with phase Completed,
#   CloudNativePG Backup with phase completed or k8up Backup with its Completed condition) finished
#   longer ago than the store's recovery point objective, at the time of evaluation (input.now). The
#   schedule may look right while the job fails, hangs or never writes its evidence.
# custom:
#   id: BK-004
#   severity: block
#   remediation: |
#     Find out why the backup has not succeeded recently (job logs, credentials, storage quota), run it,
#     and make the job write its evidence file (schemas/backup-evidence.schema.json) when it succeeds.
#   docs: docs/backups.md#bk-004
findings contains finding if {
	some store in input.stores
	record := latest_success(store)
	age := input.now - record.finished_at
	age > store.rpo_seconds
	source := evidence_text(record)
	finding := {
		"rule": "BK-004",
		"message": sprintf(
			"last successful backup finished %s ago (%s), older than its %s",
			[duration(age), source, rpo_text(store)],
		),
		"store": store.id,
		"evidence": record.id,
		"field": "finishedAt",
	}
}

evidence_text(record) := sprintf("evidence %s", [record.file]) if record.source == "file"

else := sprintf("status.lastSuccessfulTime of %s in %s", [record.backup_id, record.file]) if {
	record.source == "cronjob-status"
}

# A Backup object read from the cluster: "Velero Backup velero/nightly-20270101 in cluster context prod".
else := sprintf("%s in %s", [record.backup_id, record.file])
