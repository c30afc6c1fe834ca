package resilience.migrations_test

test_mig_016_table_rename_keeps_a_view if {
	statement := ctx({
		"kind": "rename",
		"object_type": "table",
		"table": table("orders"),
		"from": "orders",
		"to": "purchases",
	})
	some message in messages("MIG-016", found([statement]))
	contains(message, "ACCESS EXCLUSIVE lock on orders")
	contains(message, "ALTER TABLE orders RENAME TO purchases; CREATE VIEW orders AS SELECT * FROM purchases;")
}

test_mig_016_column_rename_expands_and_contracts if {
	statement := ctx({
		"kind": "rename",
		"object_type": "column",
		"table": table("users"),
		"from": "name",
		"to": "full_name",
		"column_type": "text",
	})
	some message in messages("MIG-016", found([statement]))
	contains(message, "ALTER TABLE users ADD COLUMN full_name text;")
}

test_mig_016_new_table_and_index_renames_pass if {
	not "MIG-016" in rules(found([ctx({
		"kind": "rename",
		"object_type": "table",
		"table": new_table("t"),
		"from": "t",
		"to": "u",
	})]))
	not "MIG-016" in rules(found([ctx({"kind": "rename", "object_type": "index", "from": "i", "to": "j"})]))
}

test_mig_016_set_schema if {
	"MIG-016" in rules(found([ctx({
		"kind": "set_schema",
		"object_type": "table",
		"table": table("t"),
		"schema": "archive",
	})]))
}
