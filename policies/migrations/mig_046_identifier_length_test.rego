package resilience.migrations_test

test_mig_046_truncated_identifier if {
	s := ctx({"kind": "create_table", "table": new_table("t"), "truncated_identifiers": [{"name": "x", "bytes": 70}]})
	some message in messages("MIG-046", found([s]))
	contains(message, "70 bytes")
}

test_mig_046_short_names_pass if {
	not "MIG-046" in rules(found([ctx({"kind": "create_table", "table": new_table("t")})]))
}
