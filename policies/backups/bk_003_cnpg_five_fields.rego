package resilience.backups

# METADATA
# title: A CloudNativePG ScheduledBackup schedule has five fields
# description: |
#   CloudNativePG reads ScheduledBackup.spec.schedule with six fields, seconds first (second minute hour
#   day-of-month month day-of-week), and the last field is optional. A five-field crontab line is
#   therefore shifted by one field: `0 0 * * *`, meant as daily at midnight, runs at second 0 of minute 0
#   of every hour.
# custom:
#   id: BK-003
#   severity: block
#   remediation: |
#     Prepend the seconds field: `0 0 * * *` becomes `0 0 0 * * *` (daily at midnight).
#   docs: https://cloudnative-pg.io/documentation/current/backup/#scheduled-backups
findings contains finding if {
	some schedule in input.schedules
	schedule.family == "cnpg"
	schedule.fields == 5
	what := sprintf("schedule `%s` has five fields", [schedule.schedule])
	written := schedule.schedule
	read := sprintf("it runs as `%s *`, not as the crontab line it looks like", [schedule.schedule])
	finding := {
		"rule": "BK-003",
		"message": sprintf("%s, but CloudNativePG reads six, seconds first: %s; write `0 %s`", [what, read, written]),
		"schedule": schedule.id,
		"field": "schedule",
	}
}
