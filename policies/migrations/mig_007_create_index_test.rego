package resilience.migrations_test

m007_index(extra) := ctx(object.union(
	{
		"kind": "create_index", "table": table("orders"), "name": "orders_status_idx", "definition_sql": "orders (status)",
		"locks": [{"table": "orders", "mode": "SHARE"}],
	},
	extra,
))

test_mig_007_blocking_index_build if {
	some message in messages("MIG-007", found([m007_index({})]))
	contains(message, "SHARE lock on orders, which blocks all writes")
	contains(message, "CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);")
	contains(message, "outside a transaction")
}

test_mig_007_rewrite_keeps_unique_and_if_not_exists if {
	some message in messages("MIG-007", found([m007_index({"unique": true, "if_not_exists": true, "only": true})]))
	contains(message, "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON ONLY orders (status);")
}

test_mig_007_concurrent_or_new_table_pass if {
	not "MIG-007" in rules(found([m007_index({"concurrent": true, "in_transaction": false})]))
	not "MIG-007" in rules(found([m007_index({"table": new_table("orders")})]))
}
