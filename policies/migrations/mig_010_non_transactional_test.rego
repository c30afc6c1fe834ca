package resilience.migrations_test

test_mig_010_concurrently_inside_the_runner_transaction if {
	statement := ctx({"kind": "create_index", "concurrent": true, "table": table("t"), "definition_sql": "t (a)"})
	some message in messages("MIG-010", found([statement]))
	contains(message, "cannot run inside a transaction block")
	contains(message, "the transaction the runner wraps around each file")
}

test_mig_010_implicit_block_of_a_single_message if {
	statement := object.union(
		ctx({"kind": "create_index", "concurrent": true, "table": table("t"), "definition_sql": "t (a)"}),
		{"implicit_transaction": true},
	)
	f := object.union(
		file([statement]),
		{"runner": "prisma", "runner_model": "prisma: one message", "transaction": "single-message"},
	)
	some message in messages("MIG-010", found_in(doc_with([f], {})))
	contains(message, "implicit transaction block")
	contains(message, "runner model assumed: prisma: one message")
	contains(message, "migration.sql of its own")
}

test_mig_010_autocommit_passes if {
	statement := object.union(
		ctx({"kind": "create_index", "concurrent": true, "table": table("t"), "definition_sql": "t (a)"}),
		{"in_transaction": false},
	)
	not "MIG-010" in rules(found([statement]))
}

test_mig_010_detach_concurrently_and_vacuum if {
	"MIG-010" in rules(found([alter(
		"p",
		[{"kind": "detach_partition", "partition": table("c"), "concurrent": true}],
	)]))
	"MIG-010" in rules(found([ctx({"kind": "vacuum", "tables": [table("t")]})]))
}

test_mig_010_enum_value_in_transaction_only_before_postgresql_12 if {
	statement := ctx({"kind": "alter_enum", "action": "add_value", "type": "s", "value": "x", "position": "after"})
	"MIG-010" in rules(found_in(doc_with([file([statement])], {"postgres_version": 11})))
	not "MIG-010" in rules(found([statement]))
}
