package resilience.backups

# METADATA
# title: Backup retention is shorter than the restore-drill cadence
# description: |
#   Backups are deleted sooner than the store's restore-drill cadence: a drill, or a restore after a
#   problem noticed late, can find no backup from the start of the period. Retention must cover at least
#   one drill period.
# custom:
#   id: BK-006
#   severity: block
#   remediation: |
#     Keep backups at least as long as the drill cadence: Velero spec.template.ttl, CloudNativePG
#     retentionPolicy, k8up prune.retention, or for a CronJob the annotation
#     resilience-gates.io/retention and the storage's lifecycle rules.
#   docs: docs/backups.md#bk-006
findings contains finding if {
	some schedule in input.schedules
	is_number(schedule.retention_seconds)
	some name in schedule.stores
	store := store_by_name[name]
	schedule.retention_seconds < store.drill_every_seconds
	retention := duration(schedule.retention_seconds)
	kept := sprintf("keeps backups %s (%s)", [retention, schedule.retention_source])
	cadence_text := duration(store.drill_every_seconds)
	cadence := sprintf("the %s of store %s", [drill_text(store), store.name])
	finding := {
		"rule": "BK-006",
		"message": sprintf("%s, shorter than %s; keep them at least %s", [kept, cadence, cadence_text]),
		"schedule": schedule.id,
		"field": "retention",
	}
}
