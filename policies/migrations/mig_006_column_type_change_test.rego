package resilience.migrations_test

m006_type_change(old, new, extra) := object.union(
	{"kind": "alter_column_type", "column": "c", "old_type": old, "new_type": new, "at": 10},
	extra,
)

m006_varchar(n) := {"name": "varchar", "display": concat("", ["varchar(", format_int(n, 10), ")"]), "mods": [n]}

m006_text := {"name": "text", "display": "text"}

m006_int4 := {"name": "int4", "display": "integer"}

m006_int8 := {"name": "int8", "display": "bigint"}

test_mig_006_widening_is_safe if {
	not "MIG-006" in rules(found([alter("t", [m006_type_change(m006_varchar(10), m006_varchar(20), {})])]))
	not "MIG-006" in rules(found([alter("t", [m006_type_change(m006_varchar(10), m006_text, {})])]))
	not "MIG-006" in rules(found([alter(
		"t",
		[m006_type_change(m006_text, {"name": "varchar", "display": "varchar"}, {})],
	)]))
	numeric := {"name": "numeric", "display": "numeric(12,2)", "mods": [12, 2]}
	not "MIG-006" in rules(found([alter(
		"t",
		[m006_type_change({"name": "numeric", "display": "numeric(10,2)", "mods": [10, 2]}, numeric, {})],
	)]))
}

test_mig_006_rewrites_are_flagged if {
	"MIG-006" in rules(found([alter("t", [m006_type_change(m006_varchar(20), m006_varchar(10), {})])]))
	"MIG-006" in rules(found([alter(
		"t",
		[m006_type_change(
			{"name": "numeric", "display": "numeric(10,2)", "mods": [10, 2]},
			{"name": "numeric", "display": "numeric(12,3)", "mods": [12, 3]},
			{},
		)],
	)]))
	"MIG-006" in rules(found([alter("t", [m006_type_change(m006_varchar(10), m006_text, {"using": true})])]))
	some message in messages("MIG-006", found([alter("t", [m006_type_change(m006_int4, m006_int8, {})])]))
	contains(message, "(from integer)")
	contains(message, "ACCESS EXCLUSIVE lock on t")
	contains(message, "ADD COLUMN c_new bigint")
}

test_mig_006_unknown_old_type_assumes_a_rewrite if {
	some message in messages(
		"MIG-006",
		found([alter("t", [{"kind": "alter_column_type", "column": "c", "new_type": m006_text, "at": 1}])]),
	)
	contains(message, "old type is unknown")
}

m006_timestamp := {"name": "timestamp", "display": "timestamp(3)", "mods": [3]}

m006_timestamptz := {"name": "timestamptz", "display": "timestamptz(3)", "mods": [3]}

test_mig_006_timestamptz_under_utc_is_metadata_only if {
	change := m006_type_change(m006_timestamp, m006_timestamptz, {"session_time_zone": "UTC"})
	not "MIG-006" in rules(found([alter("t", [change])]))
}

test_mig_006_timestamptz_with_the_zone_unknown_warns_what_it_depends_on if {
	some finding in of_rule("MIG-006", found([alter("t", [m006_type_change(m006_timestamp, m006_timestamptz, {})])]))
	finding.severity == "warn"
	contains(finding.message, "depends on the session TimeZone")
	contains(finding.message, "SET TIME ZONE 'UTC'")
}

test_mig_006_timestamptz_under_another_zone_rewrites if {
	change := m006_type_change(m006_timestamp, m006_timestamptz, {"session_time_zone": "Europe/Paris"})
	some finding in of_rule("MIG-006", found([alter("t", [change])]))
	not finding.severity
	contains(finding.message, "here it is Europe/Paris, so every value is converted")
}

test_mig_006_timestamptz_before_postgresql_12_rewrites if {
	change := m006_type_change(m006_timestamp, m006_timestamptz, {"session_time_zone": "UTC"})
	some message in messages("MIG-006", found_in(doc_with([file([alter("t", [change])])], {"postgres_version": 11})))
	contains(message, "PostgreSQL 11 converts every value")
}

test_mig_006_using_an_expression_names_it if {
	change := m006_type_change(
		m006_timestamp,
		m006_timestamptz,
		{"using": true, "using_sql": "at AT TIME ZONE 'UTC'", "session_time_zone": "UTC"},
	)
	some message in messages("MIG-006", found([alter("t", [change])]))
	contains(message, "with USING at AT TIME ZONE 'UTC', which computes new values")
}
