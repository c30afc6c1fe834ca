package resilience.migrations_test

test_mig_018_drop_column if {
	some message in messages("MIG-018", found([alter("users", [{"kind": "drop_column", "column": "legacy"}])]))
	contains(message, "ACCESS EXCLUSIVE lock on users")
	contains(message, "ignored_columns")
}

test_mig_018_new_table_passes if {
	not "MIG-018" in rules(found([alter_new("users", [{"kind": "drop_column", "column": "legacy"}])]))
}
