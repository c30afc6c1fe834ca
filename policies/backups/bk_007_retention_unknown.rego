package resilience.backups

# METADATA
# title: Backup retention is unknown
# description: |
#   Nothing says how long the definition's backups are kept (a CronJob has no retention field; a
#   CloudNativePG Cluster or ObjectStore that is not among the manifests; volume snapshots), or the value
#   written does not parse. Unknown retention cannot be shown to cover the drill cadence.
# custom:
#   id: BK-007
#   severity: block
#   remediation: |
#     State the retention: annotate the definition `resilience-gates.io/retention: 30d` (or `unlimited`),
#     or include the CloudNativePG Cluster / ObjectStore manifests, or fix the value that does not parse.
#   docs: docs/backups.md#bk-007
findings contains finding if {
	some schedule in input.schedules
	count(schedule.stores) > 0
	not schedule.retention_known
	problem := retention_problem(schedule)
	finding := {
		"rule": "BK-007",
		"message": sprintf("how long its backups are kept is unknown: %s", [problem]),
		"schedule": schedule.id,
		"field": "retention",
	}
}

retention_problem(schedule) := sprintf("%s: %s", [schedule.retention_source, schedule.retention_error]) if {
	is_string(schedule.retention_error)
} else := schedule.retention_source
