package resilience.migrations

# METADATA
# title: SET NOT NULL scans the table under ACCESS EXCLUSIVE
# description: |
#   ALTER COLUMN ... SET NOT NULL checks every row for NULLs while holding ACCESS EXCLUSIVE, which
#   blocks all reads and writes for the length of a full table scan. Since PostgreSQL 12 the scan is
#   skipped when a validated CHECK (column IS NOT NULL) constraint already proves it; the gate looks for
#   one in the schema replayed from earlier migrations and earlier statements of this one.
# custom:
#   id: MIG-005
#   severity: block
#   remediation: |
#     ```sql
#     ALTER TABLE t ADD CONSTRAINT t_c_not_null CHECK (c IS NOT NULL) NOT VALID;
#     -- later migration: SHARE UPDATE EXCLUSIVE only, reads and writes continue
#     ALTER TABLE t VALIDATE CONSTRAINT t_c_not_null;
#     ALTER TABLE t ALTER COLUMN c SET NOT NULL;   -- no scan on PostgreSQL 12+
#     ALTER TABLE t DROP CONSTRAINT t_c_not_null;
#     ```
#   docs: docs/migrations.md#mig-005
violation contains finding if {
	some [fi, si, ai] in input.index.actions.set_not_null
	f := input.files[fi]
	s := f.statements[si]
	s.kind == "alter_table"
	existing(s.table)
	action := s.actions[ai]
	not action.already_not_null
	not proven_not_null(action)
	table := qname(s.table.name)
	constraint := ident(concat("", [s.table.name, "_", action.column, "_not_null"]))
	column := ident(action.column)
	message := concat("", [
		"SET NOT NULL on ", s.table.name, ".", action.column, " scans every row while holding ",
		lock_phrase("ACCESS EXCLUSIVE", s.table.name), old_version_note,
		". Instead prove it with a CHECK first: ALTER TABLE ", table, " ADD CONSTRAINT ", constraint, " CHECK (", column,
		" IS NOT NULL) NOT VALID; then in a later migration ALTER TABLE ", table, " VALIDATE CONSTRAINT ", constraint,
		"; (SHARE UPDATE EXCLUSIVE: reads and writes continue) ALTER TABLE ", table, " ALTER COLUMN ", column,
		" SET NOT NULL; (no scan on PostgreSQL 12+) ALTER TABLE ", table, " DROP CONSTRAINT ", constraint, ";",
	])
	finding := at_statement("MIG-005", message, f, s)
}

proven_not_null(action) if {
	is_string(action.validated_check)
	postgres_version >= 12
}

default old_version_note := ""

old_version_note := concat("", [
	" (PostgreSQL ", format_int(postgres_version, 10),
	" cannot use a CHECK constraint to skip the scan; upgrade to 12+)",
]) if {
	postgres_version < 12
}
