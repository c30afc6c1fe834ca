package resilience.backups

# METADATA
# scope: document
# title: Findings of the backups gate
# description: |
#   Every rule of the gate adds to this set; the engine evaluates resilience/backups/findings.
# entrypoint: true

# METADATA
# title: A tier 0-2 store has no backup schedule
# description: |
#   Every store of tier 0, 1 or 2 needs at least one running backup definition: a CronJob, Velero
#   Schedule, CloudNativePG ScheduledBackup or k8up Schedule labelled
#   resilience-gates.io/store=<store> or bound to the store in the catalog. Suspended definitions and
#   definitions whose schedule cannot be read do not count.
# custom:
#   id: BK-001
#   severity: block
#   remediation: |
#     Add a backup definition for the store and label it `resilience-gates.io/store: <store>` (or list it
#     under the store's `backups:` in the catalog). If the store holds nothing worth restoring, lower its
#     tier to 3 in the catalog.
#   docs: docs/backups.md#bk-001
findings contains finding if {
	some store in input.stores
	needs_backup(store)
	count(running_schedules_of(store)) == 0
	tier := format_int(store.tier, 10)
	detail := no_backup_detail(store)
	finding := {
		"rule": "BK-001",
		"message": sprintf("tier %s store (owner %s) has no running backup: %s", [tier, store.owner, detail]),
		"store": store.id,
	}
}

no_backup_detail(store) := sprintf("its only backup definitions do not run (%s)", [concat(", ", states)]) if {
	count(schedules_of(store)) > 0
	states := [sprintf("%s %s", [definition_text(s), not_running_state(s)]) | some s in schedules_of(store)]
} else := sprintf("no %s is labelled %s=%s or bound to it in the catalog", [kinds, label, store.name]) if {
	kinds := "CronJob, Velero Schedule, CloudNativePG ScheduledBackup or k8up Schedule"
	label := "resilience-gates.io/store"
}

not_running_state(schedule) := "is suspended" if schedule.suspended

else := "has a schedule that cannot be read"
