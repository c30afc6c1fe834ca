package resilience.migrations_test

m002_add_column(default_expr) := {
	"kind": "add_column",
	"name": "token",
	"type": {"name": "uuid", "display": "uuid"},
	"at": 40,
	"default_expr": default_expr,
}

test_mig_002_volatile_default_rewrites if {
	findings := found([alter(
		"users",
		[m002_add_column({"volatility": "volatile", "functions": ["gen_random_uuid"], "sql": "gen_random_uuid()"})],
	)])
	some finding in of_rule("MIG-002", findings)
	finding.at == 40
	not finding.severity
	contains(finding.message, "ACCESS EXCLUSIVE lock on users, which blocks all reads and writes")
	contains(
		finding.message,
		"ALTER TABLE users ADD COLUMN token uuid; ALTER TABLE users ALTER COLUMN token SET DEFAULT gen_random_uuid();",
	)
}

test_mig_002_stable_and_immutable_defaults_are_instant if {
	not "MIG-002" in rules(found([alter(
		"users",
		[m002_add_column({"volatility": "stable", "functions": ["now"], "sql": "now()"})],
	)]))
	not "MIG-002" in rules(found([alter(
		"users",
		[m002_add_column({"volatility": "immutable", "functions": [], "sql": "'x'"})],
	)]))
}

test_mig_002_unknown_function_is_a_warning if {
	findings := found([alter(
		"users",
		[m002_add_column({"volatility": "unknown", "functions": ["f"], "sql": "f()"})],
	)])
	some finding in of_rule("MIG-002", findings)
	finding.severity == "warn"
	contains(finding.message, "cannot tell whether f is volatile")
}

test_mig_002_any_default_rewrites_before_postgresql_11 if {
	statement := alter("users", [m002_add_column({"volatility": "immutable", "functions": [], "sql": "0"})])
	findings := found_in(doc_with([file([statement])], {"postgres_version": 10}))
	"MIG-002" in rules(findings)
}

test_mig_002_new_table_is_not_flagged if {
	not "MIG-002" in rules(found([alter_new(
		"users",
		[m002_add_column({"volatility": "volatile", "functions": ["random"], "sql": "random()"})],
	)]))
}
