package resilience.migrations

# METADATA
# title: NOT VALID and VALIDATE in one transaction
# description: |
#   Adding a constraint NOT VALID and validating it later only helps if the two run in different
#   transactions: the lock ADD CONSTRAINT takes (ACCESS EXCLUSIVE, or SHARE ROW EXCLUSIVE for a foreign
#   key) is held until commit, so a VALIDATE in the same transaction scans every row under it.
# custom:
#   id: MIG-013
#   severity: block
#   remediation: |
#     Move VALIDATE CONSTRAINT to a later migration (or commit in between when the file runs without a
#     runner transaction).
#   docs: docs/migrations.md#mig-013
violation contains finding if {
	some [fi, si, ai] in input.index.actions.validate_constraint
	f := input.files[fi]
	s := f.statements[si]
	s.kind == "alter_table"
	existing(s.table)
	action := s.actions[ai]
	action.not_valid_added_in_transaction
	mode := added_lock(action)
	message := concat("", [
		"VALIDATE CONSTRAINT ", action.name, " runs in the same transaction that added it NOT VALID, so the ", mode,
		" lock from ADD CONSTRAINT is still held while it scans every row of ", s.table.name, ": ",
		lock_phrase(mode, s.table.name), ", for the whole scan. Instead move ALTER TABLE ", qname(s.table.name),
		" VALIDATE CONSTRAINT ", ident(action.name),
		"; to a later migration, where it takes only SHARE UPDATE EXCLUSIVE (reads and writes continue)",
	])
	finding := at_statement("MIG-013", message, f, s)
}

added_lock(action) := "SHARE ROW EXCLUSIVE" if action.type == "foreign_key"

else := "ACCESS EXCLUSIVE"
