package resilience.migrations

# METADATA
# title: DROP NOT NULL lets NULLs reach code that does not expect them
# description: |
#   After ALTER COLUMN ... DROP NOT NULL the running application (and reports, other services) may read
#   NULLs from a column they were promised would never hold one. It takes ACCESS EXCLUSIVE briefly.
# custom:
#   id: MIG-028
#   severity: warn
#   remediation: Deploy readers that handle NULL first, or keep the column NOT NULL with a sentinel value.
#   docs: docs/migrations.md#mig-028
violation contains finding if {
	some [fi, si, ai] in input.index.actions.drop_not_null
	f := input.files[fi]
	s := f.statements[si]
	s.kind == "alter_table"
	existing(s.table)
	action := s.actions[ai]
	not nullable_already(action)
	message := concat("", [
		"DROP NOT NULL on ", s.table.name, ".", action.column,
		" lets NULLs reach code that relies on the column never being NULL; it takes ",
		lock_phrase("ACCESS EXCLUSIVE", s.table.name), " (brief). Instead deploy readers that handle NULL in ", action.column,
		" first, or keep the column NOT NULL and write a sentinel value",
	])
	finding := at_statement("MIG-028", message, f, s)
}

# DROP NOT NULL on a column the replayed schema knows is nullable changes nothing.
nullable_already(action) if {
	action.column_known
	not action.was_not_null
}
