package resilience.migrations

# METADATA
# title: Non-unique index on more than three columns
# description: |
#   A non-unique B-tree index on more than three columns rarely helps more than one on its leading,
#   most selective columns, and costs writes and space (and build time under the index's lock).
# custom:
#   id: MIG-047
#   severity: warn
#   remediation: Index the two or three columns that narrow results the most, most selective first.
#   docs: docs/migrations.md#mig-047
violation contains finding if {
	some [fi, si] in input.index.statements.create_index
	f := input.files[fi]
	s := f.statements[si]
	not s.unique
	s.column_count > 3
	message := concat("", [
		"this non-unique index has ", format_int(s.column_count, 10),
		" columns; past the leading, most selective ones they rarely help and cost every write (and the index build ",
		"holds ", lock_phrase(concurrent_mode(s, "SHARE UPDATE EXCLUSIVE", "SHARE"), s.table.name),
		" while it runs). Instead index the two or three columns that narrow results most",
	])
	finding := at_statement("MIG-047", message, f, s)
}
