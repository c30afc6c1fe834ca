package resilience.migrations_test

test_mig_008_drop_index_locks_its_table if {
	statement := ctx({
		"kind": "drop_index",
		"indexes": [{"name": "orders_old_idx", "table": table("orders")}],
		"if_exists": true,
	})
	some message in messages("MIG-008", found([statement]))
	contains(message, "ACCESS EXCLUSIVE lock on orders, which blocks all reads and writes")
	contains(message, "DROP INDEX CONCURRENTLY IF EXISTS orders_old_idx;")
}

test_mig_008_unknown_index_is_still_flagged if {
	some message in messages("MIG-008", found([ctx({"kind": "drop_index", "indexes": [{"name": "i"}]})]))
	contains(message, "the table of index i")
}

test_mig_008_concurrent_or_new_table_pass if {
	not "MIG-008" in rules(found([ctx({"kind": "drop_index", "concurrent": true, "indexes": [{"name": "i"}]})]))
	not "MIG-008" in rules(found([ctx({"kind": "drop_index", "indexes": [{"name": "i", "table": new_table("t")}]})]))
}
