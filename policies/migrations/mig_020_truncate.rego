package resilience.migrations

# METADATA
# title: TRUNCATE in a migration
# description: |
#   TRUNCATE deletes every row of the table at once and takes ACCESS EXCLUSIVE, which blocks all reads
#   and writes until the migration's transaction ends. Not flagged for tables created earlier in the
#   same migration.
# custom:
#   id: MIG-020
#   severity: block
#   remediation: |
#     If the rows must go, delete them in batches outside the migration's transaction, with a backup;
#     otherwise remove the statement.
#   docs: docs/migrations.md#mig-020
violation contains finding if {
	some [fi, si] in input.index.statements.truncate
	f := input.files[fi]
	s := f.statements[si]
	some table in s.tables
	existing(table)
	message := concat("", [
		"TRUNCATE ", table.name, " deletes every row and takes ", lock_phrase("ACCESS EXCLUSIVE", table.name),
		" until the migration's transaction ends. Instead, if the rows must go, delete them in batches outside the ",
		"migration (with a backup): DELETE FROM ", qname(table.name), " WHERE ctid IN (SELECT ctid FROM ", qname(table.name),
		" LIMIT 10000); -- repeat until no rows are left",
	])
	finding := at_statement("MIG-020", message, f, s)
}
