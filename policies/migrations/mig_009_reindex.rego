package resilience.migrations

# METADATA
# title: REINDEX without CONCURRENTLY
# description: |
#   REINDEX takes a SHARE lock on the table, which blocks all writes, and ACCESS EXCLUSIVE on each index
#   it rebuilds, which blocks the reads that use it. REINDEX ... CONCURRENTLY (PostgreSQL 12+) rebuilds
#   beside the old index with SHARE UPDATE EXCLUSIVE, and reads and writes continue.
# custom:
#   id: MIG-009
#   severity: block
#   remediation: |
#     `REINDEX INDEX CONCURRENTLY name;` (or TABLE), in a migration that runs outside a transaction.
#   docs: docs/migrations.md#mig-009
violation contains finding if {
	some [fi, si] in input.index.statements.reindex
	f := input.files[fi]
	s := f.statements[si]
	not s.concurrent
	not reindex_of_new_table(s)
	message := concat("", [
		"REINDEX ", upper(s.target), " ", s.name, " takes ", lock_phrase("SHARE", reindex_table_name(s)),
		", and an ACCESS EXCLUSIVE lock on each index it rebuilds, which blocks the reads that use it. Instead: ", "REINDEX ",
		upper(s.target), " CONCURRENTLY ", qname(s.name),
		"; (PostgreSQL 12+; SHARE UPDATE EXCLUSIVE: reads and writes continue)", outside_transaction_note(f, s),
	])
	finding := at_statement("MIG-009", message, f, s)
}

reindex_of_new_table(s) if {
	is_object(s.table)
	s.table.new
}

reindex_table_name(s) := s.table.name if is_object(s.table)

else := concat("", ["the table of ", lower(s.target), " ", s.name])
