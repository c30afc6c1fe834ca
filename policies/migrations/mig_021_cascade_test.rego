package resilience.migrations_test

test_mig_021_cascade_forms if {
	"MIG-021" in rules(found([ctx({"kind": "truncate", "cascade": true, "tables": [table("a")]})]))
	"MIG-021" in rules(found([ctx({
		"kind": "drop",
		"object_type": "view",
		"cascade": true,
		"objects": [{"name": "v"}],
	})]))
	"MIG-021" in rules(found([alter("t", [{"kind": "drop_column", "column": "c", "cascade": true}])]))
}

test_mig_021_restrict_passes if {
	not "MIG-021" in rules(found([ctx({"kind": "truncate", "tables": [table("a")]})]))
	not "MIG-021" in rules(found([alter("t", [{"kind": "drop_column", "column": "c"}])]))
}
