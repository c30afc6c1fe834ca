package resilience.migrations

# METADATA
# title: Index created without CONCURRENTLY
# description: |
#   CREATE INDEX takes a SHARE lock on the table for the whole build, which blocks all writes (INSERT,
#   UPDATE, DELETE); reads continue. CREATE INDEX CONCURRENTLY takes SHARE UPDATE EXCLUSIVE instead, and
#   reads and writes continue. Not flagged for a table created earlier in the same migration.
# custom:
#   id: MIG-007
#   severity: block
#   remediation: |
#     `CREATE INDEX CONCURRENTLY name ON t (...)`, in a migration that runs outside a transaction
#     (CONCURRENTLY fails inside one, see MIG-010).
#   docs: docs/migrations.md#mig-007
violation contains finding if {
	some [fi, si] in input.index.statements.create_index
	f := input.files[fi]
	s := f.statements[si]
	not s.concurrent
	existing(s.table)
	message := concat("", [
		"CREATE INDEX builds the index while holding ", lock_phrase("SHARE", s.table.name),
		". Instead build it concurrently (SHARE UPDATE EXCLUSIVE: reads and writes continue): ", concurrent_index_sql(s),
		outside_transaction_note(f, s),
	])
	finding := at_statement("MIG-007", message, f, s)
}

concurrent_index_sql(s) := concat("", [
	"CREATE ", unique_word(s), "INDEX CONCURRENTLY ", if_not_exists_word(s), index_name_word(s), "ON ", only_word(s),
	s.definition_sql, ";",
])

unique_word(s) := "UNIQUE " if s.unique

else := ""

if_not_exists_word(s) := "IF NOT EXISTS " if s.if_not_exists

else := ""

index_name_word(s) := concat("", [ident(s.name), " "]) if is_string(s.name)

else := ""

only_word(s) := "ONLY " if s.only

else := ""

outside_transaction_note(f, s) := concat("", [" ", no_transaction_advice(f)]) if s.in_transaction

else := ""
