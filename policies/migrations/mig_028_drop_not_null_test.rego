package resilience.migrations_test

test_mig_028_drop_not_null if {
	"MIG-028" in rules(found([alter(
		"t",
		[{"kind": "drop_not_null", "column": "c", "column_known": true, "was_not_null": true}],
	)]))
	"MIG-028" in rules(found([alter("t", [{"kind": "drop_not_null", "column": "c"}])]))
}

test_mig_028_already_nullable_passes if {
	not "MIG-028" in rules(found([alter("t", [{"kind": "drop_not_null", "column": "c", "column_known": true}])]))
}
