package resilience.migrations_test

test_mig_020_truncate_existing_table if {
	some message in messages("MIG-020", found([ctx({"kind": "truncate", "tables": [table("audit")]})]))
	contains(message, "ACCESS EXCLUSIVE lock on audit")
}

test_mig_020_truncate_new_table_passes if {
	not "MIG-020" in rules(found([ctx({"kind": "truncate", "tables": [new_table("scratch")]})]))
}
