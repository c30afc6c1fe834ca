package resilience.migrations_test

test_mig_009_reindex_blocks_writes if {
	some message in messages(
		"MIG-009",
		found([ctx({"kind": "reindex", "target": "index", "name": "i", "table": table("t")})]),
	)
	contains(message, "SHARE lock on t, which blocks all writes")
	contains(message, "REINDEX INDEX CONCURRENTLY i;")
}

test_mig_009_concurrent_passes if {
	not "MIG-009" in rules(found([ctx({
		"kind": "reindex",
		"target": "table",
		"name": "t",
		"concurrent": true,
		"table": table("t"),
	})]))
}
