package resilience.migrations_test

m060_traced(statement) := doc_with([file([statement])], {"traced": true})

m060_add_column := alter(
	"users",
	[{"kind": "add_column", "name": "c", "type": {"name": "text", "display": "text"}, "at": 1}],
)

test_mig_060_stronger_lock_than_predicted if {
	observed := {"locks": [{"relation": "orders", "kind": "table", "mode": "SHARE ROW EXCLUSIVE", "existing": true}]}
	findings := found_in(m060_traced(object.union(m060_add_column, {"trace": observed})))
	some message in messages("MIG-060", findings)
	contains(message, "predicted no lock on it")
}

test_mig_060_confirmed_prediction_passes if {
	observed := {"locks": [{"relation": "users", "kind": "table", "mode": "ACCESS EXCLUSIVE", "existing": true}]}
	not "MIG-060" in rules(found_in(m060_traced(object.union(m060_add_column, {"trace": observed}))))
}

test_mig_061_unpredicted_rewrite if {
	s := object.union(m060_add_column, {"trace": {"rewritten": ["users"], "duration_ms": 12}})
	some message in messages("MIG-061", found_in(m060_traced(s)))
	contains(message, "rewrote users (12 ms")
}

test_mig_061_predicted_rewrite_is_left_to_the_static_rule if {
	action := {
		"kind": "add_column", "name": "c", "type": {"name": "uuid", "display": "uuid"}, "at": 1,
		"default_expr": {"volatility": "volatile", "functions": ["gen_random_uuid"], "sql": "gen_random_uuid()"},
	}
	s := object.union(alter("users", [action]), {"trace": {"rewritten": ["users"], "duration_ms": 12}})
	findings := found_in(m060_traced(s))
	not "MIG-061" in rules(findings)
	"MIG-002" in rules(findings)
}

test_mig_062_failed_statement if {
	s := object.union(m060_add_column, {"trace": {"error": "column \"c\" contains null values", "duration_ms": 1}})
	"MIG-062" in rules(found_in(m060_traced(s)))
}

test_mig_063_depends_on_data_is_a_warning_with_the_value if {
	s := object.union(m060_add_column, {"trace": {
		"duration_ms": 1,
		"data_dependent": {"value": "'v1'", "error": "invalid input syntax for type json"},
	}})
	findings := found_in(m060_traced(s))
	"MIG-063" in rules(findings)
	not "MIG-062" in rules(findings)
	some message in messages("MIG-063", findings)
	contains(message, "ran on the empty table but failed on the seeded rows")
	contains(message, "(value 'v1': invalid input syntax for type json)")
}
