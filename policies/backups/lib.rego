# Helpers shared by the backups rules. The collector gathers the facts: the catalog's stores with their
# tier limits in seconds, every backup definition with its worst-case gap between runs (computed with
# real cron semantics in its time zone, DST included), its retention, and the evidence of past backups.
# These rules decide.
package resilience.backups

# Grace for clocks: evidence up to five minutes in the future is not yet suspicious.
clock_skew_seconds := 300

store_by_name[store.name] := store if some store in input.stores

# A schedule that runs and can be judged: not suspended, parsed, with a computed gap.
runs(schedule) if {
	not schedule.suspended
	schedule.error == null
	is_number(schedule.max_gap_seconds)
}

# The schedules tied to a store (by label or binding), whatever their state.
schedules_of(store) := [schedule |
	some schedule in input.schedules
	store.name in schedule.stores
]

# The schedules that actually back the store up.
running_schedules_of(store) := [schedule |
	some schedule in schedules_of(store)
	runs(schedule)
]

# A store needs backups (and so evidence of them) when its tier is 0 to 2, or when it has a schedule.
needs_backup(store) if store.tier <= 2

needs_evidence(store) if needs_backup(store)

needs_evidence(store) if count(running_schedules_of(store)) > 0

# Evidence that can be believed: not from the future.
credible(record) if record.finished_at <= input.now + clock_skew_seconds

successes_of(store) := [record |
	some record in input.evidence
	record.store == store.name
	record.status == "succeeded"
	credible(record)
]

# The newest successful backup of a store, when there is one. Several records can finish at the same
# second (a job's record and its copy as latest.json): the least in Rego's ordering stands for them.
latest_success(store) := record if {
	successes := successes_of(store)
	count(successes) > 0
	newest := max([r.finished_at | some r in successes])
	record := min({r | some r in successes; r.finished_at == newest})
}

# "tier 1 RPO 30m", or "RPO 15m (catalog override; tier 1)".
rpo_text(store) := limit_text("RPO", "rpo", store.rpo_seconds, store)

drill_text(store) := limit_text("restore-drill cadence", "drillEvery", store.drill_every_seconds, store)

limit_text(what, key, seconds, store) := sprintf("tier %s %s %s", [tier, what, duration(seconds)]) if {
	not key in store.overrides
	tier := format_int(store.tier, 10)
} else := sprintf("%s %s (catalog override; tier %s)", [what, duration(seconds), tier]) if {
	tier := format_int(store.tier, 10)
}

# "CronJob ledger-backup" or "ScheduledBackup prod/ledger-nightly".
definition_text(schedule) := sprintf("%s %s/%s", [schedule.kind, schedule.namespace, schedule.name]) if {
	schedule.namespace != ""
} else := sprintf("%s %s", [schedule.kind, schedule.name])

# A duration for messages: 45s, 30m, 1m05s, 1h00m, 25h00m, 2d03h, 90d (whole seconds, largest unit first).
duration(seconds) := short_duration(round(seconds)) if round(seconds) < 3600

else := hours_duration(round(seconds)) if round(seconds) < 172800

else := days_duration(round(seconds))

short_duration(s) := sprintf("%ss", [format_int(s, 10)]) if s < 60

else := sprintf("%sm", [format_int(s / 60, 10)]) if s % 60 == 0

else := sprintf("%sm%ss", [format_int(floor(s / 60), 10), pad2(s % 60)])

hours_duration(s) := sprintf("%sh%sm", [format_int(floor(s / 3600), 10), pad2((s % 3600) / 60)]) if s % 60 == 0

else := sprintf("%sh%sm%ss", [format_int(floor(s / 3600), 10), pad2(floor((s % 3600) / 60)), pad2(s % 60)])

days_duration(s) := sprintf("%sd", [format_int(s / 86400, 10)]) if s % 86400 == 0

else := sprintf("%sd%sh", [format_int(floor(s / 86400), 10), pad2(floor((s % 86400) / 3600))])

pad2(n) := sprintf("0%s", [format_int(n, 10)]) if n < 10

else := format_int(n, 10)
