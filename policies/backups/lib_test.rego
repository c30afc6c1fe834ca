package resilience.backups_test

import data.resilience.backups

# A tier 1 store and a quarter-hourly schedule with fresh evidence: the base every test varies.
store := {
	"id": 0, "name": "ledger-db", "service": "payments", "owner": "team-payments", "engine": "postgres",
	"tier": 1, "rpo_seconds": 1800, "rto_seconds": 3600, "drill_every_seconds": 7776000, "overrides": [],
}

schedule := {
	"id": 0, "kind": "CronJob", "api_version": "batch/v1", "family": "cronjob", "name": "ledger-backup",
	"namespace": "payments", "stores": ["ledger-db"], "unknown_stores": [], "label_store": "ledger-db",
	"schedule": "*/15 * * * *", "fields": 5, "form": "cron", "time_zone": "UTC", "time_zone_source": "default",
	"error": null, "max_gap_seconds": 900, "max_gap_after": "2026-11-01T00:00Z", "suspended": false,
	"retention_seconds": 10368000, "retention_unlimited": false, "retention_known": true,
	"retention_source": "annotation resilience-gates.io/retention: 120d", "retention_error": null,
}

evidence := {
	"id": 0, "store": "ledger-db", "status": "succeeded", "finished_at": 1793491200,
	"started_at": null, "backup_id": null, "source": "file", "file": "evidence/ledger-db.json",
}

# 2026-11-01T00:00:00Z; the evidence above finished 10 minutes earlier.
now := 1793491800

base := {
	"now": now, "catalog": ".resilience/catalog.yaml", "stores": [store], "schedules": [schedule],
	"bindings": [], "evidence": [evidence], "evidence_problems": [],
}

with_input(changes) := object.union(base, changes)

rules(found) := {f.rule | some f in found}

test_clean_input_has_no_findings if {
	count(backups.findings) == 0 with input as base
}

test_duration_formats if {
	backups.duration(45) == "45s"
	backups.duration(1800) == "30m"
	backups.duration(65) == "1m05s"
	backups.duration(3600) == "1h00m"
	backups.duration(90000) == "25h00m"
	backups.duration(7776000) == "90d"
	backups.duration(183600) == "2d03h"
}

test_rpo_text_names_override if {
	overridden := object.union(store, {"overrides": ["rpo"], "rpo_seconds": 900})
	backups.rpo_text(overridden) == "RPO 15m (catalog override; tier 1)"
	backups.rpo_text(store) == "tier 1 RPO 30m"
}

test_two_records_of_the_newest_backup_are_one_backup if {
	copy := object.union(evidence, {"id": 1, "file": "evidence/latest.json"})
	both := with_input({"evidence": [evidence, copy]})
	count(backups.findings) == 0 with input as both
	backups.latest_success(store).finished_at == evidence.finished_at with input as both
}
