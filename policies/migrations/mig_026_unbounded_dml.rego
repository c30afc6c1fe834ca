package resilience.migrations

# METADATA
# scope: rule
# title: Unbounded UPDATE or DELETE, or a backfill under a DDL lock
# description: |
#   An UPDATE or DELETE without WHERE touches every row in one statement: it holds row locks on all of
#   them (blocking concurrent writes to those rows) until the migration's transaction ends, and writes
#   a burst of WAL and dead rows. Any UPDATE or DELETE in the same transaction as an ACCESS EXCLUSIVE
#   lock on that table (say, after ALTER TABLE ... ADD COLUMN) keeps that lock, and so blocks all reads
#   and writes, for the whole backfill.
# custom:
#   id: MIG-026
#   severity: block
#   remediation: |
#     Backfill in batches, outside the migration's transaction, each batch its own transaction:
#     `UPDATE t SET c = ... WHERE id IN (SELECT id FROM t WHERE c IS NULL LIMIT 5000);` repeated.
#   docs: docs/migrations.md#mig-026
violation contains finding if {
	some kind in ["update", "delete"]
	some [fi, si] in input.index.statements[kind]
	f := input.files[fi]
	s := f.statements[si]
	existing(s.table)
	not s.has_where
	message := concat("", [
		upper(s.kind), " without WHERE touches every row of ", s.table.name,
		" in one statement, holding a ROW EXCLUSIVE lock and row locks on every row (concurrent writes to them wait) ",
		"until the migration's transaction ends. Instead ", dml_verb(s),
		" in batches outside the migration, each batch its own transaction: ", dml_batch(s),
		" WHERE <key> IN (SELECT <key> FROM ", qname(s.table.name), " WHERE <not yet done> LIMIT 5000); -- repeat",
	])
	finding := at_statement("MIG-026", message, f, s)
}

violation contains finding if {
	some kind in ["update", "delete"]
	some [fi, si] in input.index.statements[kind]
	f := input.files[fi]
	s := f.statements[si]
	s.has_where
	s.held_lock == "ACCESS EXCLUSIVE"
	existing(s.table)
	message := concat("", [
		upper(s.kind), " on ", s.table.name, " runs in the same transaction as an earlier statement that took ",
		lock_phrase("ACCESS EXCLUSIVE", s.table.name), ", so that lock is held for the whole ", lower(s.kind),
		". Instead run the ", lower(s.kind), " in a separate migration outside a transaction, in batches: ", dml_batch(s),
		" WHERE <key> IN (SELECT <key> FROM ", qname(s.table.name), " WHERE <not yet done> LIMIT 5000); -- repeat",
	])
	finding := at_statement("MIG-026", message, f, s)
}

dml_verb(s) := "update" if s.kind == "update"

else := "delete"

dml_batch(s) := concat("", ["UPDATE ", qname(s.table.name), " SET ..."]) if s.kind == "update"

else := concat("", ["DELETE FROM ", qname(s.table.name)])
