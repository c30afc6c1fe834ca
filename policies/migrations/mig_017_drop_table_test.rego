package resilience.migrations_test

test_mig_017_drop_existing_table if {
	statement := ctx({"kind": "drop", "object_type": "table", "objects": [{"id": "public.t", "name": "t"}]})
	some message in messages("MIG-017", found([statement]))
	contains(message, "all its rows")
	contains(message, "ACCESS EXCLUSIVE lock on t, which blocks all reads and writes")
}

test_mig_017_drop_new_table_passes if {
	not "MIG-017" in rules(found([ctx({
		"kind": "drop",
		"object_type": "table",
		"objects": [{"id": "public.t", "name": "t", "new": true}],
	})]))
}

test_mig_017_view_recreated_in_the_same_transaction_passes if {
	not "MIG-017" in rules(found([ctx({
		"kind": "drop",
		"object_type": "view",
		"objects": [{"id": "public.v", "name": "v", "recreated": true}],
	})]))
}
