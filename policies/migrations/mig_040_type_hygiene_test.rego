package resilience.migrations_test

m040_column(name, type, extra) := object.union({"name": name, "type": type, "at": 7}, extra)

m040_create(columns) := ctx({"kind": "create_table", "table": new_table("t"), "columns": columns})

test_mig_040_to_045_type_hygiene if {
	findings := found([m040_create([
		m040_column("a", {"name": "int4", "display": "serial"}, {"serial": true}),
		m040_column("b", {"name": "int2", "display": "smallint"}, {}),
		m040_column("c", {"name": "varchar", "display": "varchar(10)", "mods": [10]}, {}),
		m040_column("d", {"name": "timestamp", "display": "timestamp"}, {}),
		m040_column("e", {"name": "json", "display": "json"}, {}),
		m040_column("f", {"name": "bpchar", "display": "char(3)", "mods": [3]}, {}),
	])])
	rules(findings) == {"MIG-040", "MIG-041", "MIG-042", "MIG-043", "MIG-044", "MIG-045"}
	count(of_rule("MIG-040", findings)) == 2
	some message in messages("MIG-042", findings)
	contains(message, "c text CHECK (char_length(c) <= 10)")
}

test_mig_040_good_types_pass if {
	findings := found([m040_create([
		m040_column("a", {"name": "int8", "display": "bigint"}, {"identity": "always"}),
		m040_column("b", {"name": "text", "display": "text"}, {}),
		m040_column("c", {"name": "timestamptz", "display": "timestamptz"}, {}),
		m040_column("d", {"name": "jsonb", "display": "jsonb"}, {}),
		m040_column("e", {"name": "varchar", "display": "varchar"}, {}),
	])])
	count(findings) == 0
}

test_mig_040_added_and_retyped_columns_count if {
	add := alter("t", [{"kind": "add_column", "name": "n", "type": {"name": "int4", "display": "integer"}, "at": 3}])
	"MIG-040" in rules(found([add]))
	retype := alter(
		"t",
		[{
			"kind": "alter_column_type",
			"column": "j",
			"old_type": {"name": "jsonb", "display": "jsonb"},
			"new_type": {"name": "json", "display": "json"},
			"at": 3,
		}],
	)
	"MIG-044" in rules(found([retype]))
}

test_mig_042_fix_is_the_columns_own if {
	array_column := found([m040_create([m040_column(
		"Tags",
		{"name": "varchar", "display": "varchar(20)[]", "mods": [20], "array": true},
		{},
	)])])
	some array_message in messages("MIG-042", array_column)
	contains(array_message, `CREATE DOMAIN "Tags_text" AS text CHECK (char_length(VALUE) <= 20)`)
	contains(array_message, `declare it "Tags" "Tags_text"[]`)

	retyped := found([alter("t", [{
		"kind": "alter_column_type", "column": "email", "at": 3,
		"old_type": {"name": "text", "display": "text"},
		"new_type": {"name": "varchar", "display": "varchar(320)", "mods": [320]},
	}])])
	some retype_message in messages("MIG-042", retyped)
	contains(retype_message, "ALTER COLUMN email TYPE text, then ADD CONSTRAINT email_length")
	contains(retype_message, "CHECK (char_length(email) <= 320) NOT VALID")
	not contains(retype_message, "declare it")
}
