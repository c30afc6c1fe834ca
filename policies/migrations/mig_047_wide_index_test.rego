package resilience.migrations_test

m047_index(extra) := ctx(object.union(
	{"kind": "create_index", "table": new_table("t"), "column_count": 4, "definition_sql": "t (a, b, c, d)"},
	extra,
))

test_mig_047_wide_non_unique_index if {
	"MIG-047" in rules(found([m047_index({})]))
}

test_mig_047_unique_or_narrow_passes if {
	not "MIG-047" in rules(found([m047_index({"unique": true})]))
	not "MIG-047" in rules(found([m047_index({"column_count": 3})]))
}
