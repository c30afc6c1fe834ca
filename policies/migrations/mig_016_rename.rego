package resilience.migrations

# METADATA
# scope: rule
# title: Rename breaks the running application
# description: |
#   Renaming a table, view, column or schema (or moving a table to another schema) takes effect the
#   moment the migration commits, while the running application version still uses the old name: its
#   queries fail until the new version is deployed. The rename itself takes ACCESS EXCLUSIVE briefly.
#   Not flagged for objects created earlier in the same migration.
# custom:
#   id: MIG-016
#   severity: block
#   remediation: |
#     Expand and contract. A table: rename it and create a view with the old name in the same
#     transaction, drop the view once no deployed version uses it. A column: add the new column, write
#     both, backfill, move reads, drop the old column in a later release.
#   docs: docs/migrations.md#mig-016
violation contains finding if {
	some [fi, si] in input.index.statements.rename
	f := input.files[fi]
	s := f.statements[si]
	renamed_in_use(s)
	message := concat("", [
		rename_what(s), " breaks every running app version that still uses ", s.from, " the moment this commits; ",
		rename_lock(s), ". Instead ", rename_rewrite(s),
	])
	finding := at_statement("MIG-016", message, f, s)
}

violation contains finding if {
	some [fi, si] in input.index.statements.set_schema
	f := input.files[fi]
	s := f.statements[si]
	is_object(s.table)
	existing(s.table)
	message := concat("", [
		"ALTER ", upper(replace(s.object_type, "_", " ")), " ", s.table.name, " SET SCHEMA ", s.schema,
		" breaks every running app version that still uses ", s.table.name, " the moment this commits; it takes ",
		lock_phrase("ACCESS EXCLUSIVE", s.table.name),
		". Instead create the new object beside the old one and move the application first (expand and contract), or ",
		"leave a view with the old name: CREATE VIEW ", qname(s.table.name), " AS SELECT * FROM ", ident(s.schema), ".",
		ident(last_part(s.table.name)), ";",
	])
	finding := at_statement("MIG-016", message, f, s)
}

renamed_in_use(s) if {
	s.object_type in {"table", "view", "materialized_view", "foreign_table", "column"}
	is_object(s.table)
	existing(s.table)
}

renamed_in_use(s) if s.object_type == "schema"

rename_what(s) := concat(
	"",
	["RENAME COLUMN ", s.from, " TO ", s.to, " on ", s.table.name],
) if {
	s.object_type == "column"
}

else := concat("", ["ALTER SCHEMA ", s.from, " RENAME TO ", s.to]) if s.object_type == "schema"

else := concat("", ["ALTER ", upper(replace(s.object_type, "_", " ")), " ", s.from, " RENAME TO ", s.to])

rename_lock(s) := "it changes only the catalog, but every query naming the schema fails" if s.object_type == "schema"

else := concat("", ["it takes ", lock_phrase("ACCESS EXCLUSIVE", s.table.name)])

rename_rewrite(s) := concat("", [
	"expand and contract: ALTER TABLE ", qname(s.table.name), " ADD COLUMN ", ident(s.to), " ", column_type(s),
	"; write both columns (application or trigger); UPDATE ", qname(s.table.name), " SET ", ident(s.to), " = ",
	ident(s.from), " WHERE <primary key range>; -- repeat per batch; move reads to ", s.to, ", then drop ", s.from,
	" in a later release",
]) if {
	s.object_type == "column"
} else := concat("", [
	"rename and keep the old name working in the same transaction: ALTER ", upper(replace(s.object_type, "_", " ")), " ",
	qname(s.from), " RENAME TO ", ident(s.to), "; CREATE VIEW ", qname(s.from), " AS SELECT * FROM ",
	qname(renamed_target(s)), "; and drop the view once no deployed version uses ", s.from,
]) if {
	s.object_type in {"table", "foreign_table"}
} else := concat("", [
	"create the new object beside the old one, move the application to it, ",
	"then drop the old one in a later release",
])

column_type(s) := s.column_type if is_string(s.column_type)

else := "<same type>"

renamed_target(s) := concat(".", [schema_part(s.from), s.to]) if contains(s.from, ".")

else := s.to

schema_part(name) := split(name, ".")[0]

last_part(name) := parts[count(parts) - 1] if parts := split(name, ".")
