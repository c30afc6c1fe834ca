package resilience.migrations

# METADATA
# title: Index dropped without CONCURRENTLY
# description: |
#   DROP INDEX takes ACCESS EXCLUSIVE on the index's table, which blocks all reads and writes of it;
#   waiting for that lock behind one long query already stops the application. DROP INDEX CONCURRENTLY
#   waits for conflicting transactions without blocking others. Not flagged for an index on a table
#   created earlier in the same migration.
# custom:
#   id: MIG-008
#   severity: block
#   remediation: |
#     `DROP INDEX CONCURRENTLY IF EXISTS name;` one index per statement, without CASCADE, in a migration
#     that runs outside a transaction.
#   docs: docs/migrations.md#mig-008
violation contains finding if {
	some [fi, si] in input.index.statements.drop_index
	f := input.files[fi]
	s := f.statements[si]
	not s.concurrent
	some index in s.indexes
	table := table_of_index(index)
	existing(table)
	message := concat("", [
		"DROP INDEX ", index.name, " takes ", lock_phrase("ACCESS EXCLUSIVE", table.name),
		". Instead drop it concurrently, one index per statement and without CASCADE: DROP INDEX CONCURRENTLY ",
		if_exists_word(s), qname(index.name), ";", outside_transaction_note(f, s),
	])
	finding := at_statement("MIG-008", message, f, s)
}

if_exists_word(s) := "IF EXISTS " if s.if_exists

else := ""
