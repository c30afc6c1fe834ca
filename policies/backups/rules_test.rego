package resilience.backups_test

import data.resilience.backups

test_bk_001_no_schedule if {
	found := backups.findings with input as with_input({"schedules": []})
	rules(found) == {"BK-001"}
}

test_bk_001_tier_3_needs_no_backup if {
	tier3 := object.union(store, {"tier": 3, "rpo_seconds": 86400})
	found := backups.findings with input as with_input({"schedules": [], "stores": [tier3], "evidence": []})
	count(found) == 0
}

test_bk_001_and_010_suspended_only if {
	found := backups.findings with input as with_input({"schedules": [object.union(schedule, {"suspended": true})]})
	rules(found) == {"BK-001", "BK-010"}
}

test_bk_002_gap_over_rpo if {
	found := backups.findings with input as with_input({"schedules": [object.union(schedule, {"max_gap_seconds": 3600})]})
	rules(found) == {"BK-002"}
	some f in found
	contains(f.message, "worst-case gap 1h00m")
	contains(f.message, "tier 1 RPO 30m")
}

test_bk_002_gap_equal_to_rpo_passes if {
	exact := object.union(schedule, {"max_gap_seconds": 1800})
	count(backups.findings) == 0 with input as with_input({"schedules": [exact]})
}

test_bk_003_cnpg_five_fields if {
	cnpg := object.union(schedule, {"family": "cnpg", "kind": "ScheduledBackup", "schedule": "0 0 * * *"})
	found := backups.findings with input as with_input({"schedules": [cnpg]})
	rules(found) == {"BK-003"}
	some f in found
	contains(f.message, "write `0 0 0 * * *`")
}

test_bk_003_cnpg_six_fields_pass if {
	cnpg := object.union(schedule, {"family": "cnpg", "fields": 6, "schedule": "0 */15 * * * *"})
	count(backups.findings) == 0 with input as with_input({"schedules": [cnpg]})
}

test_bk_004_stale if {
	old := object.union(evidence, {"finished_at": now - 7200})
	found := backups.findings with input as with_input({"evidence": [old]})
	rules(found) == {"BK-004"}
}

test_bk_004_newest_success_counts if {
	old := object.union(evidence, {"id": 1, "finished_at": now - 86400})
	count(backups.findings) == 0 with input as with_input({"evidence": [old, evidence]})
}

test_bk_005_no_evidence if {
	found := backups.findings with input as with_input({"evidence": []})
	rules(found) == {"BK-005"}
}

test_bk_005_only_failures if {
	failed := object.union(evidence, {"status": "failed"})
	found := backups.findings with input as with_input({"evidence": [failed]})
	rules(found) == {"BK-005", "BK-012"}
}

test_bk_006_retention_short if {
	short := object.union(schedule, {"retention_seconds": 604800})
	found := backups.findings with input as with_input({"schedules": [short]})
	rules(found) == {"BK-006"}
}

test_bk_006_unlimited_passes if {
	unlimited := object.union(schedule, {"retention_seconds": null, "retention_unlimited": true})
	count(backups.findings) == 0 with input as with_input({"schedules": [unlimited]})
}

test_bk_007_retention_unknown if {
	unknown := object.union(schedule, {"retention_seconds": null, "retention_known": false})
	found := backups.findings with input as with_input({"schedules": [unknown]})
	rules(found) == {"BK-007"}
}

test_bk_008_invalid_schedule if {
	error := {"field": "schedule", "message": "expected five fields"}
	bad := object.union(schedule, {"error": error, "max_gap_seconds": null})
	found := backups.findings with input as with_input({"schedules": [bad]})
	rules(found) == {"BK-001", "BK-008"}
}

test_bk_009_unknown_label_store if {
	typo := object.union(schedule, {"stores": [], "unknown_stores": ["ledgr-db"], "label_store": "ledgr-db"})
	found := backups.findings with input as with_input({"schedules": [typo]})
	rules(found) == {"BK-001", "BK-009"}
	some f in found
	f.rule == "BK-009"
	f.field == "label"
}

test_bk_009_unknown_evidence_store if {
	other := object.union(evidence, {"id": 1, "store": "other-db"})
	found := backups.findings with input as with_input({"evidence": [evidence, other]})
	rules(found) == {"BK-009"}
}

test_bk_011_bad_evidence_file if {
	problem := {"id": 0, "file": "e.json", "message": "invalid JSON"}
	found := backups.findings with input as with_input({"evidence_problems": [problem]})
	rules(found) == {"BK-011"}
}

test_bk_012_latest_failed_warns if {
	failed := object.union(evidence, {"id": 1, "status": "failed", "finished_at": now - 60})
	found := backups.findings with input as with_input({"evidence": [evidence, failed]})
	rules(found) == {"BK-012"}
}

test_bk_013_untied if {
	untied := object.union(schedule, {"id": 1, "stores": [], "label_store": null, "kind": "Schedule"})
	found := backups.findings with input as with_input({"schedules": [schedule, untied]})
	rules(found) == {"BK-013"}
}

test_bk_014_future_evidence_not_counted if {
	future := object.union(evidence, {"finished_at": now + 7200})
	found := backups.findings with input as with_input({"evidence": [future]})
	rules(found) == {"BK-005", "BK-014"}
}

test_bk_014_small_skew_tolerated if {
	skewed := object.union(evidence, {"finished_at": now + 120})
	count(backups.findings) == 0 with input as with_input({"evidence": [skewed]})
}

test_bk_015_unmatched_binding if {
	binding := {
		"id": 0, "store": "ledger-db", "store_known": true, "kind": "CronJob", "name": "ledger-dump",
		"namespace": "payments", "origin": "catalog", "matched": false,
	}
	found := backups.findings with input as with_input({"bindings": [binding]})
	rules(found) == {"BK-015"}
}
