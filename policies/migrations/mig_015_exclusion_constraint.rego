package resilience.migrations

# METADATA
# title: Exclusion constraint added to an existing table
# description: |
#   ADD CONSTRAINT ... EXCLUDE builds its index and checks every row while holding ACCESS EXCLUSIVE,
#   which blocks all reads and writes. Exclusion constraints cannot be added NOT VALID nor attached
#   from an index built concurrently, so there is no lock-free form.
# custom:
#   id: MIG-015
#   severity: block
#   remediation: |
#     Create a new table with the constraint and move the rows in batches (expand and contract), or
#     run it in a maintenance window with a short lock_timeout and statement_timeout.
#   docs: docs/migrations.md#mig-015
violation contains finding if {
	some kind in ["add_column", "add_constraint"]
	some [fi, si, ai] in input.index.actions[kind]
	f := input.files[fi]
	s := f.statements[si]
	s.kind == "alter_table"
	existing(s.table)
	action := s.actions[ai]
	some c in constraints_of_action(action)
	c.type == "exclusion"
	message := concat("", [
		"ADD CONSTRAINT ", c.name, " EXCLUDE builds its index and checks every row of ", s.table.name, " while holding ",
		lock_phrase("ACCESS EXCLUSIVE", s.table.name),
		", and it cannot be added NOT VALID or from a concurrently built index. Instead create a new table with the ",
		"constraint and move rows in batches (expand and contract), or run it in a maintenance window after SET ",
		"lock_timeout = '2s'; SET statement_timeout = '5min';",
	])
	finding := at_node("MIG-015", message, f, s, c.at)
}
