package resilience.migrations

# METADATA
# scope: rule
# title: CHECK constraint added without NOT VALID
# description: |
#   Adding a CHECK constraint to an existing table scans every row while holding ACCESS EXCLUSIVE,
#   which blocks all reads and writes. Added NOT VALID it is instant (new rows are checked at once);
#   VALIDATE CONSTRAINT in a later transaction takes only SHARE UPDATE EXCLUSIVE. ALTER DOMAIN ... ADD
#   CONSTRAINT likewise checks every column of that domain in every table.
# custom:
#   id: MIG-012
#   severity: block
#   remediation: |
#     ```sql
#     ALTER TABLE t ADD CONSTRAINT t_c_check CHECK (c > 0) NOT VALID;
#     -- later migration:
#     ALTER TABLE t VALIDATE CONSTRAINT t_c_check;
#     ```
#   docs: docs/migrations.md#mig-012
violation contains finding if {
	some kind in ["add_column", "add_constraint"]
	some [fi, si, ai] in input.index.actions[kind]
	f := input.files[fi]
	s := f.statements[si]
	s.kind == "alter_table"
	existing(s.table)
	action := s.actions[ai]
	some c in constraints_of_action(action)
	c.type == "check"
	not c.not_valid
	table := qname(s.table.name)
	message := concat("", [
		constraint_what(action, c), " checks every existing row of ", s.table.name, " while holding ",
		lock_phrase("ACCESS EXCLUSIVE", s.table.name),
		". Instead add it NOT VALID (instant; new rows are checked at once) and validate it in a later migration: ",
		inline_column_step(action, table), "ALTER TABLE ", table, " ADD CONSTRAINT ", ident(c.name), " ", c.sql,
		" NOT VALID; then ALTER TABLE ", table, " VALIDATE CONSTRAINT ", ident(c.name),
		"; (SHARE UPDATE EXCLUSIVE: reads and writes continue)",
	])
	finding := at_node("MIG-012", message, f, s, c.at)
}

violation contains finding if {
	some [fi, si] in input.index.statements.alter_domain
	f := input.files[fi]
	s := f.statements[si]
	s.action == "add_constraint"
	s.constraint_type == "check"
	not s.not_valid
	message := concat("", [
		"ALTER DOMAIN ", s.domain,
		" ADD CONSTRAINT checks every value of the domain in every table that uses it, holding a SHARE lock on each ",
		"of them, which blocks all writes (INSERT, UPDATE, DELETE); reads continue. Instead add it NOT VALID and ",
		"validate later: ALTER DOMAIN ", qname(s.domain), " ADD CONSTRAINT ... NOT VALID; then ALTER DOMAIN ",
		qname(s.domain), " VALIDATE CONSTRAINT ...;",
	])
	finding := at_statement("MIG-012", message, f, s)
}
