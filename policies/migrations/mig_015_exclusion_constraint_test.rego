package resilience.migrations_test

test_mig_015_exclusion_constraint if {
	c := {"type": "exclusion", "name": "no_overlap", "at": 3, "sql": "EXCLUDE USING gist (r WITH &&)"}
	some message in messages("MIG-015", found([alter("t", [{"kind": "add_constraint", "constraint": c}])]))
	contains(message, "ACCESS EXCLUSIVE lock on t")
	contains(message, "cannot be added NOT VALID")
}

test_mig_015_new_table_passes if {
	c := {"type": "exclusion", "name": "no_overlap", "at": 3, "sql": "EXCLUDE USING gist (r WITH &&)"}
	not "MIG-015" in rules(found([alter_new("t", [{"kind": "add_constraint", "constraint": c}])]))
}
