package resilience.backups

# METADATA
# title: A store's backup definition is suspended
# description: |
#   The definition is tied to a store but does not run: a CronJob with spec.suspend true, a Velero
#   Schedule with spec.paused true, or a CloudNativePG ScheduledBackup with spec.suspend true. A
#   suspension left behind after maintenance silently stops the backups.
# custom:
#   id: BK-010
#   severity: block
#   remediation: |
#     Resume the schedule (remove `suspend: true` / `paused: true`), or delete the definition if another
#     one backs the store up; waive the rule with an expiry for a planned pause.
#   docs: docs/backups.md#bk-010
findings contains finding if {
	some schedule in input.schedules
	schedule.suspended
	count(schedule.stores) > 0
	finding := {
		"rule": "BK-010",
		"message": sprintf("is suspended: it backs up nothing for store %s", [concat(", ", schedule.stores)]),
		"schedule": schedule.id,
		"field": "suspend",
	}
}
