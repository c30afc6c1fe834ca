package resilience.migrations

# METADATA
# title: Column added with a volatile default rewrites the table
# description: |
#   ADD COLUMN with a VOLATILE default (random(), gen_random_uuid(), clock_timestamp(), nextval(), a
#   function declared VOLATILE) evaluates the default for every existing row, so PostgreSQL rewrites
#   the whole table and its indexes while holding ACCESS EXCLUSIVE, which blocks all reads and writes.
#   Since PostgreSQL 11 a non-volatile default (a constant, now(), CURRENT_TIMESTAMP) is stored in the
#   catalog and is instant; before 11 every default rewrites. A function the gate cannot classify (not
#   a known built-in, not created by a replayed migration) is reported as a warning.
# custom:
#   id: MIG-002
#   severity: block
#   remediation: |
#     Add the column without a default, set the default for new rows, then backfill existing rows in
#     batches outside the migration's transaction:
#     ```sql
#     ALTER TABLE t ADD COLUMN c uuid;
#     ALTER TABLE t ALTER COLUMN c SET DEFAULT gen_random_uuid();
#     UPDATE t SET c = gen_random_uuid() WHERE id BETWEEN 1 AND 10000; -- repeat per batch
#     ```
#   docs: docs/migrations.md#mig-002
violation contains finding if {
	some [fi, si, ai] in input.index.actions.add_column
	f := input.files[fi]
	s := f.statements[si]
	s.kind == "alter_table"
	existing(s.table)
	action := s.actions[ai]
	problem := default_rewrite(action.default_expr)
	table := qname(s.table.name)
	column := ident(action.name)
	message := concat("", [
		"ADD COLUMN ", action.name, " with the default ", action.default_expr.sql, " rewrites every row of ", s.table.name,
		": ", problem.why, ". It holds ", lock_phrase("ACCESS EXCLUSIVE", s.table.name),
		" until the rewrite ends. Instead add the column without a default, set the default for new rows, then ",
		"backfill in batches: ALTER TABLE ", table, " ADD COLUMN ", column, " ", action.type.display, "; ALTER TABLE ", table,
		" ALTER COLUMN ", column, " SET DEFAULT ", action.default_expr.sql, "; UPDATE ", table, " SET ", column, " = ",
		action.default_expr.sql, " WHERE <primary key range>; -- repeat per batch, outside this transaction",
		not_null_followup(action, s),
	])
	finding := object.union(at_node("MIG-002", message, f, s, action.at), problem.override)
}

default_rewrite(d) := {
	"why": concat("", ["the volatile default is evaluated once per existing row (", concat(", ", d.functions), ")"]),
	"override": {},
} if {
	d.volatility == "volatile"
} else := {
	"why": concat("", [
		"PostgreSQL ", format_int(postgres_version, 10),
		" stores no default in the catalog, so any default is written to every row",
	]),
	"override": {},
} if {
	is_object(d)
	postgres_version < 11
} else := {
	"why": concat("", [
		"the gate cannot tell whether ", concat(", ", d.functions),
		" is volatile (not a known built-in, not created by an earlier migration); if it is VOLATILE, it is ",
		"evaluated once per existing row",
	]),
	"override": {"severity": "warn"},
} if {
	d.volatility == "unknown"
}

not_null_followup(action, s) := concat("", [
	"; then make it NOT NULL without a long lock: ALTER TABLE ", qname(s.table.name), " ADD CONSTRAINT ",
	ident(concat("", [s.table.name, "_", action.name, "_not_null"])), " CHECK (", ident(action.name),
	" IS NOT NULL) NOT VALID; and in a later migration VALIDATE CONSTRAINT and SET NOT NULL",
]) if {
	action.not_null
} else := ""
