package resilience.migrations

# METADATA
# title: Column dropped while the application may use it
# description: |
#   DROP COLUMN deletes the column's data and takes effect at commit, while the running application
#   version may still select or insert it (ORMs list columns explicitly and cache them): its queries
#   fail until the new version is deployed. It takes ACCESS EXCLUSIVE briefly (no rewrite).
# custom:
#   id: MIG-018
#   severity: block
#   remediation: |
#     Deploy a release that no longer reads or writes the column first (Rails: ignored_columns; other
#     ORMs: remove it from the model), then drop it in a later migration.
#   docs: docs/migrations.md#mig-018
violation contains finding if {
	some [fi, si, ai] in input.index.actions.drop_column
	f := input.files[fi]
	s := f.statements[si]
	s.kind == "alter_table"
	existing(s.table)
	action := s.actions[ai]
	message := concat("", [
		"DROP COLUMN ", action.column, " deletes its data from ", s.table.name,
		"; running app versions that still select or insert ", action.column, " fail the moment this commits. It takes ",
		lock_phrase("ACCESS EXCLUSIVE", s.table.name),
		" (brief, no rewrite). Instead first deploy a release that no longer reads or writes ", action.column,
		" (Rails: self.ignored_columns += [\"", action.column, "\"]), then run ALTER TABLE ", qname(s.table.name),
		" DROP COLUMN ", ident(action.column), "; in a later migration",
	])
	finding := at_statement("MIG-018", message, f, s)
}
