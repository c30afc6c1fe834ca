package resilience.migrations

# METADATA
# title: CASCADE drops or truncates objects the migration does not name
# description: |
#   DROP ... CASCADE also drops every object that depends on the target (views, foreign keys,
#   defaults), and TRUNCATE ... CASCADE also empties every table with a foreign key to it: objects and
#   rows the migration never names, each under ACCESS EXCLUSIVE.
# custom:
#   id: MIG-021
#   severity: block
#   remediation: |
#     Drop or truncate the dependent objects explicitly, by name, first; then the target without CASCADE
#     (the default RESTRICT fails instead of deleting what you did not name).
#   docs: docs/migrations.md#mig-021
violation contains finding if {
	some kind in ["truncate", "drop", "drop_index", "drop_column", "drop_constraint"]
	some ref in refs(kind)
	f := input.files[ref[0]]
	s := f.statements[ref[1]]
	what := cascade_what(s)
	message := concat("", [
		what.statement, " CASCADE also ", what.effect,
		", each under an ACCESS EXCLUSIVE lock, which blocks all reads and writes of them. Instead name the ",
		"dependent objects and drop or empty them first, then run the statement without CASCADE (RESTRICT, the ",
		"default, fails instead of deleting what you did not name)",
	])
	finding := at_statement("MIG-021", message, f, s)
}

cascade_what(s) := {
	"statement": concat("", ["TRUNCATE ", concat(", ", [t.name | some t in s.tables])]),
	"effect": "empties every table that has a foreign key to it, deleting their rows",
} if {
	s.kind == "truncate"
	s.cascade
} else := {
	"statement": concat(
		"",
		["DROP ", upper(replace(s.object_type, "_", " ")), " ", concat(", ", [o.name | some o in s.objects])],
	),
	"effect": "drops every object that depends on it (views, foreign keys, defaults)",
} if {
	s.kind == "drop"
	s.cascade
} else := {
	"statement": concat("", ["DROP INDEX ", concat(", ", [i.name | some i in s.indexes])]),
	"effect": "drops every constraint that depends on it",
} if {
	s.kind == "drop_index"
	s.cascade
} else := {
	"statement": concat("", ["ALTER TABLE ", s.table.name, " ", concat(", ", cascade_actions(s))]),
	"effect": "drops every object that depends on it (views, foreign keys, indexes)",
} if {
	s.kind == "alter_table"
	count(cascade_actions(s)) > 0
}

cascade_actions(s) := [text |
	some action in s.actions
	action.kind in {"drop_column", "drop_constraint"}
	action.cascade
	text := concat(
		"",
		[upper(replace(action.kind, "_", " ")), " ", object.get(action, "column", object.get(action, "name", ""))],
	)
]
