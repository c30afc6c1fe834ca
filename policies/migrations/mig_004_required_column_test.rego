package resilience.migrations_test

m004_column(extra) := object.union(
	{"kind": "add_column", "name": "plan", "type": {"name": "text", "display": "text"}, "at": 30, "not_null": true},
	extra,
)

test_mig_004_not_null_without_default if {
	some message in messages("MIG-004", found([alter("users", [m004_column({})])]))
	contains(message, "fails on a table with rows")
	contains(message, "ACCESS EXCLUSIVE")
	contains(message, "NOT NULL DEFAULT <constant>")
}

test_mig_004_default_identity_or_nullable_pass if {
	not "MIG-004" in rules(found([alter(
		"users",
		[m004_column({"default_expr": {"volatility": "immutable", "functions": [], "sql": "'free'"}})],
	)]))
	not "MIG-004" in rules(found([alter("users", [m004_column({"identity": "by_default"})])]))
	not "MIG-004" in rules(found([alter("users", [m004_column({"not_null": false})])]))
}
