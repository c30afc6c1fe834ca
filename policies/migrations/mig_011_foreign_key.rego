package resilience.migrations

# METADATA
# title: Foreign key added without NOT VALID
# description: |
#   Adding a foreign key to an existing table checks every row against the referenced table while
#   holding SHARE ROW EXCLUSIVE on both, which blocks all writes to both tables for the whole scan.
#   Added NOT VALID it is instant; VALIDATE CONSTRAINT in a later transaction then takes only SHARE
#   UPDATE EXCLUSIVE (and ROW SHARE on the referenced table), so reads and writes continue. An inline
#   REFERENCES on ADD COLUMN cannot say NOT VALID and is flagged the same way.
# custom:
#   id: MIG-011
#   severity: block
#   remediation: |
#     ```sql
#     ALTER TABLE t ADD CONSTRAINT t_u_fkey FOREIGN KEY (u_id) REFERENCES u (id) NOT VALID;
#     -- later migration:
#     ALTER TABLE t VALIDATE CONSTRAINT t_u_fkey;
#     ```
#   docs: docs/migrations.md#mig-011
violation contains finding if {
	some kind in ["add_column", "add_constraint"]
	some [fi, si, ai] in input.index.actions[kind]
	f := input.files[fi]
	s := f.statements[si]
	s.kind == "alter_table"
	existing(s.table)
	action := s.actions[ai]
	some c in constraints_of_action(action)
	c.type == "foreign_key"
	not c.not_valid
	table := qname(s.table.name)
	message := concat("", [
		constraint_what(action, c), " validates every existing row of ", s.table.name,
		" while holding SHARE ROW EXCLUSIVE locks on ", s.table.name, " and ", c.references.name,
		", which block all writes (INSERT, UPDATE, DELETE) to both; reads continue. Instead add it NOT VALID ",
		"(instant) and validate it in a later migration: ", inline_column_step(action, table), "ALTER TABLE ", table,
		" ADD CONSTRAINT ", ident(c.name), " ", foreign_key_clause(c), " NOT VALID; then ALTER TABLE ", table,
		" VALIDATE CONSTRAINT ", ident(c.name), "; (SHARE UPDATE EXCLUSIVE: reads and writes continue)",
	])
	finding := at_node("MIG-011", message, f, s, c.at)
}

constraint_what(action, c) := concat("", ["ADD COLUMN ", action.name, " ... REFERENCES ", c.references.name]) if {
	action.kind == "add_column"
} else := concat("", ["ADD CONSTRAINT ", c.name, " ", upper(replace(c.type, "_", " "))])

# For an inline constraint on ADD COLUMN, add the bare column first.
inline_column_step(action, table) := concat(
	"",
	["ALTER TABLE ", table, " ADD COLUMN ", ident(action.name), " ", action.type.display, "; "],
) if {
	action.kind == "add_column"
} else := ""

foreign_key_clause(c) := concat(
	"",
	["FOREIGN KEY (", concat(", ", [ident(column) | some column in c.columns]), ") ", c.sql],
) if {
	startswith(upper(c.sql), "REFERENCES")
} else := c.sql
