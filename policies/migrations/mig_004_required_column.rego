package resilience.migrations

# METADATA
# title: NOT NULL column added without a default
# description: |
#   ADD COLUMN ... NOT NULL without a DEFAULT fails on any table that has rows ("column contains null
#   values"), and once it succeeds every running application version that inserts without the new
#   column fails. Identity, serial and generated columns get values and are covered by MIG-003.
# custom:
#   id: MIG-004
#   severity: block
#   remediation: |
#     Add it with a constant default (instant since PostgreSQL 11), or add it nullable, backfill, and
#     make it NOT NULL through a validated CHECK constraint (see MIG-005).
#   docs: docs/migrations.md#mig-004
violation contains finding if {
	some [fi, si, ai] in input.index.actions.add_column
	f := input.files[fi]
	s := f.statements[si]
	s.kind == "alter_table"
	existing(s.table)
	action := s.actions[ai]
	action.not_null
	not action.default_expr
	not action.identity
	not action.generated_stored
	not action.serial
	table := qname(s.table.name)
	column := ident(action.name)
	message := concat("", [
		"ADD COLUMN ", action.name, " ", action.type.display,
		" NOT NULL has no default: it fails on a table with rows, and running app versions that insert into ", s.table.name,
		" without it fail. It takes ", lock_phrase("ACCESS EXCLUSIVE", s.table.name),
		". Instead add it with a constant default (ALTER TABLE ", table, " ADD COLUMN ", column, " ", action.type.display,
		" NOT NULL DEFAULT <constant>;), or add it nullable, backfill, then ALTER TABLE ", table, " ADD CONSTRAINT ",
		ident(concat("", [s.table.name, "_", action.name, "_not_null"])), " CHECK (", column,
		" IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT in a later migration; SET NOT NULL",
	])
	finding := at_node("MIG-004", message, f, s, action.at)
}
