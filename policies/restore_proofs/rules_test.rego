package resilience.restore_proofs_test

import data.resilience.restore_proofs

store := {
	"id": 0, "name": "ledger-db", "service": "payments", "owner": "team-payments", "engine": "postgres",
	"tier": 1, "rpo_seconds": 1800, "rto_seconds": 3600, "drill_every_seconds": 7776000, "overrides": [],
}

# 2026-11-01T00:00:00Z
now := 1793491200

proof := {
	"id": 0, "file": "proofs/ledger.json", "store": "ledger-db", "store_known": true, "engine": "postgres",
	"result": "passed", "signature": "valid", "signature_detail": "verified", "key_id": "sha256:00",
	"backup_time": now - 86400, "drill_started": now - 86400, "restore_started": now - 86395,
	"drill_finished": now - 86350, "verified_at": now - 86352, "rto_seconds": 43, "rpo_seconds": 5,
	"integrity_passed": true, "checks": [table_check], "smoke": [], "failures": [],
}

table_check := {"index": 0, "kind": "table", "name": "public.a", "passed": true, "detail": null}

base := {"now": now, "catalog": "catalog.yaml", "trusted_keys": 1, "stores": [store], "proofs": [proof], "problems": []}

with_proofs(proofs) := object.union(base, {"proofs": proofs})

rules(found) := {f.rule | some f in found}

test_passing_proof_has_no_findings if {
	count(restore_proofs.findings) == 0 with input as base
}

test_rp_001_no_proof if {
	rules(restore_proofs.findings) == {"RP-001"} with input as with_proofs([])
}

test_rp_002_latest_failed if {
	changes := {"id": 1, "result": "failed", "drill_finished": now - 100, "failures": ["pg_restore failed"]}
	failed := object.union(proof, changes)
	found := restore_proofs.findings with input as with_proofs([proof, failed])
	rules(found) == {"RP-002"}
	some f in found
	f.proof == 1
}

test_rp_002_older_failure_superseded if {
	failed := object.union(proof, {"id": 1, "result": "failed", "drill_finished": now - 900000})
	count(restore_proofs.findings) == 0 with input as with_proofs([proof, failed])
}

test_rp_003_unsigned if {
	unsigned := object.union(proof, {"signature": "missing"})
	rules(restore_proofs.findings) == {"RP-001", "RP-003"} with input as with_proofs([unsigned])
}

test_rp_004_invalid_signature_blocks_even_beside_a_valid_proof if {
	forged := object.union(proof, {"id": 1, "signature": "invalid", "signature_detail": "tampered"})
	rules(restore_proofs.findings) == {"RP-004"} with input as with_proofs([proof, forged])
}

test_rp_005_rto if {
	found := restore_proofs.findings with input as with_proofs([object.union(proof, {"rto_seconds": 5400})])
	rules(found) == {"RP-005"}
	some f in found
	contains(f.message, "took 1h30m to a verified copy, over its tier 1 RTO 1h00m")
}

test_rp_005_no_rto_on_a_passed_drill if {
	rules(restore_proofs.findings) == {"RP-005"} with input as with_proofs([object.union(proof, {"rto_seconds": null})])
}

test_rp_006_integrity if {
	check := {"index": 0, "kind": "table", "name": "public.a", "passed": false, "detail": "different content"}
	found := restore_proofs.findings with input as with_proofs([object.union(proof, {"checks": [check]})])
	rules(found) == {"RP-006"}
	some f in found
	f.path == ["integrity", "checks", 0, "passed"]
}

test_rp_007_rpo if {
	rules(restore_proofs.findings) == {"RP-007"} with input as with_proofs([object.union(proof, {"rpo_seconds": 1801})])
}

test_rp_008_stale if {
	old := object.union(proof, {"drill_finished": now - 7776001})
	rules(restore_proofs.findings) == {"RP-008"} with input as with_proofs([old])
}

test_rp_009_malformed if {
	problems := [{"id": 0, "file": "p.json", "message": "invalid JSON"}]
	found := restore_proofs.findings with input as object.union(base, {"problems": problems})
	rules(found) == {"RP-009"}
}

test_rp_010_unknown_store_warns if {
	other := object.union(proof, {"id": 1, "store": "orders-db", "store_known": false})
	rules(restore_proofs.findings) == {"RP-010"} with input as with_proofs([proof, other])
}

test_rp_010_engine_mismatch_does_not_count if {
	redis := object.union(proof, {"engine": "redis"})
	rules(restore_proofs.findings) == {"RP-001", "RP-010"} with input as with_proofs([redis])
}

test_rp_011_smoke if {
	smoke := [{"index": 0, "name": "s.sql", "passed": false, "detail": "boom"}]
	rules(restore_proofs.findings) == {"RP-011"} with input as with_proofs([object.union(proof, {"smoke": smoke})])
}

test_rp_012_nothing_verified if {
	rules(restore_proofs.findings) == {"RP-012"} with input as with_proofs([object.union(proof, {"checks": []})])
}

test_rp_013_future if {
	future := object.union(proof, {"drill_finished": now + 3600})
	rules(restore_proofs.findings) == {"RP-001", "RP-013"} with input as with_proofs([future])
}

test_same_finish_time_picks_one if {
	twin := object.union(proof, {"id": 1, "file": "proofs/z.json", "result": "failed"})
	found := restore_proofs.findings with input as with_proofs([proof, twin])
	rules(found) == {"RP-002"}
}

test_measured_text if {
	restore_proofs.measured_text(42.5) == "42.5s"
	restore_proofs.measured_text(5400) == "1h30m"
	restore_proofs.measured_text(3) == "3s"
	restore_proofs.measured_text(0.04) == "0s"
}
