package resilience.migrations_test

m014_unique(extra) := object.union(
	{"type": "unique", "name": "t_email_key", "columns": ["email"], "at": 3, "sql": "UNIQUE (email)"},
	extra,
)

test_mig_014_unique_constraint_builds_an_index if {
	some message in messages(
		"MIG-014",
		found([alter("t", [{"kind": "add_constraint", "constraint": m014_unique({})}])]),
	)
	contains(message, "ACCESS EXCLUSIVE lock on t, which blocks all reads and writes")
	contains(
		message,
		"CREATE UNIQUE INDEX CONCURRENTLY t_email_key ON t (email); ALTER TABLE t ADD CONSTRAINT t_email_key UNIQUE USING",
	)
}

test_mig_014_using_index_passes if {
	not "MIG-014" in rules(found([alter(
		"t",
		[{"kind": "add_constraint", "constraint": m014_unique({"using_index": "i"})}],
	)]))
}

test_mig_014_primary_key_using_index_over_nullable_columns if {
	c := {
		"type": "primary_key",
		"name": "t_pkey",
		"columns": ["id"],
		"using_index": "i",
		"nullable_columns": ["id"],
		"at": 3,
		"sql": "PRIMARY KEY USING INDEX i",
	}
	some message in messages("MIG-014", found([alter("t", [{"kind": "add_constraint", "constraint": c}])]))
	contains(message, "sets NOT NULL on id")
}
