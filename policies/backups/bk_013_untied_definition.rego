package resilience.backups

# METADATA
# title: A backup definition is not tied to a store
# description: |
#   A Velero Schedule, CloudNativePG ScheduledBackup or k8up Schedule backs up something, but neither the
#   label resilience-gates.io/store nor the catalog says which store, so its schedule and retention are
#   judged against nothing.
# custom:
#   id: BK-013
#   severity: warn
#   remediation: |
#     Label it `resilience-gates.io/store: <store>` (for CloudNativePG, the label may be on the Cluster),
#     or list it under the store's `backups:` in the catalog.
#   docs: docs/backups.md#bk-013
findings contains finding if {
	some schedule in input.schedules
	count(schedule.stores) == 0
	count(schedule.unknown_stores) == 0
	finding := {
		"rule": "BK-013",
		"message": "is not tied to a catalog store: label it resilience-gates.io/store=<store> or bind it in the catalog",
		"schedule": schedule.id,
		"field": "name",
	}
}
