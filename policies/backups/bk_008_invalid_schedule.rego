package resilience.backups

# METADATA
# title: A backup schedule cannot be read
# description: |
#   The schedule or time zone of a backup definition does not parse the way its controller reads it (five
#   fields for CronJob, Velero and k8up, six for CloudNativePG; descriptors; @every with a Go duration;
#   a time zone from the tz database), or never runs. A backup that may never run is no backup.
# custom:
#   id: BK-008
#   severity: block
#   remediation: |
#     Fix the schedule (crontab.guru helps for five fields) or the time zone (an IANA name such as
#     Europe/Berlin or UTC).
#   docs: docs/backups.md#bk-008
findings contains finding if {
	some schedule in input.schedules
	schedule.error != null
	finding := {
		"rule": "BK-008",
		"message": sprintf("cannot judge its schedule %s: %s", [quoted(schedule.schedule), schedule.error.message]),
		"schedule": schedule.id,
		"field": schedule.error.field,
	}
}

quoted(text) := sprintf("`%s`", [text]) if is_string(text)

else := "(none)"
