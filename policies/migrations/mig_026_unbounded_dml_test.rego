package resilience.migrations_test

m026_dml(kind, extra) := ctx(object.union(
	{"kind": kind, "table": table("t"), "locks": [{"table": "t", "mode": "ROW EXCLUSIVE"}]},
	extra,
))

test_mig_026_unbounded_update_and_delete if {
	"MIG-026" in rules(found([m026_dml("delete", {})]))
	some message in messages("MIG-026", found([m026_dml("update", {})]))
	contains(message, "ROW EXCLUSIVE lock and row locks on every row")
}

test_mig_026_backfill_under_an_access_exclusive_lock if {
	some message in messages(
		"MIG-026",
		found([m026_dml("update", {"has_where": true, "held_lock": "ACCESS EXCLUSIVE"})]),
	)
	contains(message, "same transaction as an earlier statement")
}

test_mig_026_bounded_update_passes if {
	not "MIG-026" in rules(found([m026_dml("update", {"has_where": true})]))
	not "MIG-026" in rules(found([m026_dml("update", {"table": new_table("t")})]))
}
