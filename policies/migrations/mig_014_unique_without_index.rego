package resilience.migrations

# METADATA
# scope: rule
# title: UNIQUE or PRIMARY KEY constraint built under ACCESS EXCLUSIVE
# description: |
#   ADD CONSTRAINT ... UNIQUE or PRIMARY KEY (or an inline UNIQUE / PRIMARY KEY on ADD COLUMN) builds
#   its index while holding ACCESS EXCLUSIVE on the table, which blocks all reads and writes for the
#   whole build. Build the unique index CONCURRENTLY first and attach it with USING INDEX, which is
#   instant. A PRIMARY KEY ... USING INDEX over columns that are not yet NOT NULL still scans the
#   table to set NOT NULL, under the same lock.
# custom:
#   id: MIG-014
#   severity: block
#   remediation: |
#     ```sql
#     CREATE UNIQUE INDEX CONCURRENTLY t_email_key ON t (email);
#     ALTER TABLE t ADD CONSTRAINT t_email_key UNIQUE USING INDEX t_email_key;
#     ```
#   docs: docs/migrations.md#mig-014
violation contains finding if {
	some kind in ["add_column", "add_constraint"]
	some [fi, si, ai] in input.index.actions[kind]
	f := input.files[fi]
	s := f.statements[si]
	s.kind == "alter_table"
	existing(s.table)
	action := s.actions[ai]
	some c in constraints_of_action(action)
	c.type in {"unique", "primary_key"}
	not c.using_index
	table := qname(s.table.name)
	columns := concat(", ", [ident(column) | some column in c.columns])
	constraint_kind := upper(replace(c.type, "_", " "))
	message := concat("", [
		constraint_what(action, c), " builds a unique index on ", s.table.name, " while holding ",
		lock_phrase("ACCESS EXCLUSIVE", s.table.name),
		", for the whole build. Instead build the index concurrently, then attach it (instant): ",
		inline_column_step(action, table), "CREATE UNIQUE INDEX CONCURRENTLY ", ident(c.name), " ON ", table, " (", columns,
		"); ALTER TABLE ", table, " ADD CONSTRAINT ", ident(c.name), " ", constraint_kind, " USING INDEX ", ident(c.name),
		";", primary_key_note(c),
	])
	finding := at_node("MIG-014", message, f, s, c.at)
}

violation contains finding if {
	some [fi, si, ai] in input.index.actions.add_constraint
	f := input.files[fi]
	s := f.statements[si]
	s.kind == "alter_table"
	existing(s.table)
	action := s.actions[ai]
	c := action.constraint
	c.type == "primary_key"
	is_string(c.using_index)
	count(c.nullable_columns) > 0
	table := qname(s.table.name)
	message := concat("", [
		"ADD PRIMARY KEY USING INDEX ", c.using_index, " sets NOT NULL on ", concat(", ", c.nullable_columns),
		", which scans every row of ", s.table.name, " while holding ", lock_phrase("ACCESS EXCLUSIVE", s.table.name),
		". Instead prove the columns NOT NULL first (see MIG-005): ALTER TABLE ", table,
		" ADD CONSTRAINT ... CHECK (... IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT and SET NOT NULL in a later ",
		"migration; then add the primary key",
	])
	finding := at_node("MIG-014", message, f, s, c.at)
}

primary_key_note(c) := " (the key columns must already be NOT NULL, or this step scans the table: see MIG-005)" if {
	c.type == "primary_key"
} else := ""
