package resilience.backups

# METADATA
# title: The worst-case gap between backups exceeds the store's RPO
# description: |
#   The longest time between two consecutive runs of the schedule, over a whole year in the schedule's
#   time zone (daylight-saving changes, month lengths and the day-of-month/day-of-week rule included), is
#   longer than the recovery point objective of the store it backs up. Losing the store just before a
#   run would lose more data than the tier allows. A daily 02:30 schedule in Europe/Berlin has a
#   25-hour gap when the clocks go back.
# custom:
#   id: BK-002
#   severity: block
#   remediation: |
#     Run the backup more often: at least once per RPO, with margin for DST changes (for an RPO of 24h,
#     a daily schedule in a zone with DST is not enough: use UTC or run twice a day). For point-in-time
#     recovery, continuous WAL archiving gives an RPO of seconds.
#   docs: docs/backups.md#bk-002
findings contains finding if {
	some schedule in input.schedules
	runs(schedule)
	some name in schedule.stores
	store := store_by_name[name]
	schedule.max_gap_seconds > store.rpo_seconds
	what := sprintf("runs %s in %s", [schedule_text(schedule), schedule.time_zone])
	gap := sprintf("worst-case gap %s%s", [duration(schedule.max_gap_seconds), gap_after_text(schedule)])
	limit := sprintf("%s of store %s", [rpo_text(store), store.name])
	finding := {
		"rule": "BK-002",
		"message": sprintf("%s: %s exceeds %s; run it at least every %s", [what, gap, limit, duration(store.rpo_seconds)]),
		"schedule": schedule.id,
		"field": "schedule",
	}
}

schedule_text(schedule) := sprintf("`%s`", [schedule.schedule])

gap_after_text(schedule) := sprintf(" (after the run at %s)", [after]) if {
	after := schedule.max_gap_after
	is_string(after)
}

else := ""
