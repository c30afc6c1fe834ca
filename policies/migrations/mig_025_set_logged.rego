package resilience.migrations

# METADATA
# title: SET LOGGED or SET UNLOGGED rewrites the table
# description: |
#   ALTER TABLE ... SET LOGGED / SET UNLOGGED rewrites the whole table (and, for LOGGED, writes it all
#   to WAL) while holding ACCESS EXCLUSIVE, which blocks all reads and writes. An UNLOGGED table is
#   also emptied after a crash and is not replicated to standbys.
# custom:
#   id: MIG-025
#   severity: block
#   remediation: |
#     Create a new table with the persistence you want, copy the rows in batches, and switch over
#     (expand and contract).
#   docs: docs/migrations.md#mig-025
violation contains finding if {
	some kind in ["set_logged", "set_unlogged"]
	some [fi, si, ai] in input.index.actions[kind]
	f := input.files[fi]
	s := f.statements[si]
	s.kind == "alter_table"
	existing(s.table)
	action := s.actions[ai]
	word := upper(replace(action.kind, "_", " "))
	message := concat("", [
		word, " rewrites all of ", s.table.name, " while holding ", lock_phrase("ACCESS EXCLUSIVE", s.table.name),
		unlogged_note(action),
		". Instead create a new table with the persistence you want, copy the rows in batches (INSERT INTO <new> ",
		"SELECT * FROM ", qname(s.table.name),
		" WHERE <primary key range>;) and switch the application to it (expand and contract)",
	])
	finding := at_statement("MIG-025", message, f, s)
}

unlogged_note(action) := "; an UNLOGGED table is emptied after a crash and not replicated to standbys" if {
	action.kind == "set_unlogged"
} else := ""
