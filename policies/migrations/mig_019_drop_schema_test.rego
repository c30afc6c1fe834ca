package resilience.migrations_test

test_mig_019_drop_schema_and_database if {
	"MIG-019" in rules(found([ctx({"kind": "drop", "object_type": "schema", "objects": [{"name": "archive"}]})]))
	"MIG-019" in rules(found([ctx({"kind": "drop", "object_type": "database", "objects": [{"name": "app"}]})]))
}

test_mig_019_drop_view_is_not_a_schema_drop if {
	not "MIG-019" in rules(found([ctx({"kind": "drop", "object_type": "view", "objects": [{"name": "v"}]})]))
}
