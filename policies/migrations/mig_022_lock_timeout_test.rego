package resilience.migrations_test

m022_statement(timeout) := object.union(
	alter("users", [{"kind": "add_column", "name": "c", "type": {"name": "text", "display": "text"}, "at": 1}]),
	timeout,
)

test_mig_022_missing_zero_and_long_lock_timeouts if {
	some missing in messages("MIG-022", found([object.remove(m022_statement({}), ["lock_timeout_ms"])]))
	contains(missing, "no lock_timeout is set")
	contains(missing, "ACCESS EXCLUSIVE lock on users")
	contains(missing, "SET lock_timeout = '2s';")
	some zero in messages("MIG-022", found([m022_statement({"lock_timeout_ms": 0})]))
	contains(zero, "wait forever")
	some long in messages("MIG-022", found([m022_statement({"lock_timeout_ms": 30000})]))
	contains(long, "30000 ms, longer than the 5000 ms allowed")
}

test_mig_022_short_timeout_and_new_tables_pass if {
	not "MIG-022" in rules(found([m022_statement({})]))
	lock := {"table": "t", "mode": "ACCESS EXCLUSIVE", "new": true}
	not "MIG-022" in rules(found([object.remove(
		object.union(m022_statement({}), {"locks": [lock]}),
		["lock_timeout_ms"],
	)]))
}

test_mig_022_weak_locks_pass if {
	s := object.remove(
		ctx({
			"kind": "update",
			"table": table("t"),
			"has_where": true,
			"locks": [{"table": "t", "mode": "ROW EXCLUSIVE"}],
		}),
		["lock_timeout_ms"],
	)
	not "MIG-022" in rules(found([s]))
}

test_mig_022_observed_lock_counts_in_trace_mode if {
	observed := {"locks": [{"relation": "users", "mode": "ACCESS EXCLUSIVE", "existing": true}]}
	s := object.remove(ctx({"kind": "do", "trace": observed, "locks": []}), ["lock_timeout_ms"])
	document := doc_with([file([s])], {"traced": true})
	patched := object.union(document, {"index": object.union(document.index, {"lock_timeout": {"none": [[0, 0]]}})})
	"MIG-022" in rules(found_in(patched))
}
