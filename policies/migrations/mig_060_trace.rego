package resilience.migrations

# METADATA
# scope: rule
# title: A real PostgreSQL took a stronger lock than predicted
# description: |
#   Trace mode ran the statement on a real PostgreSQL and read pg_locks for its session: it took a lock
#   that blocks the application on a table the application already uses, stronger than the lock the
#   static analysis predicted (or on a table it did not predict). The observed lock is what counts;
#   MIG-022 already treats it as a blocking lock.
# custom:
#   id: MIG-060
#   severity: warn
#   remediation: |
#     Treat the statement as taking the observed lock: run it after `SET lock_timeout = '2s';`, or
#     rewrite it into steps that take weaker locks. Report the difference so the static rules learn it.
#   docs: docs/migrations.md#trace-mode
violation contains finding if {
	some [fi, si] in traced_statements
	f := input.files[fi]
	s := f.statements[si]
	some observed in observed_locks(s)
	observed.kind in {"table", "partitioned_table", "materialized_view"}
	not predicted_at_least(s, observed)
	message := concat("", [
		"on a real PostgreSQL this statement took ", lock_phrase(observed.mode, observed.relation), ", where the static ",
		"analysis predicted ", predicted_phrase(s, observed.relation), ". Instead treat it as ", observed.mode,
		": put SET lock_timeout = '2s'; before it and retry on timeout, or split it into steps that take weaker locks",
	])
	finding := at_statement("MIG-060", message, f, s)
}

# METADATA
# scope: rule
# title: A real PostgreSQL rewrote a table no rule predicted
# description: |
#   Trace mode saw the table's relfilenode change while the statement ran on a real PostgreSQL: the whole
#   table was rewritten (under ACCESS EXCLUSIVE), though no static rule predicted a rewrite for it.
# custom:
#   id: MIG-061
#   severity: block
#   remediation: |
#     Expand and contract instead: add a new column or table beside the old one, fill it in batches
#     outside the migration's transaction, switch the application, then drop the old one.
#   docs: docs/migrations.md#trace-mode
violation contains finding if {
	some [fi, si] in traced_statements
	f := input.files[fi]
	s := f.statements[si]
	some table in s.trace.rewritten
	not predicted_rewrite(s)
	message := concat("", [
		"on a real PostgreSQL this statement rewrote ", table, " (", format_int(s.trace.duration_ms, 10), " ms with the ",
		"seeded rows) while holding ", lock_phrase("ACCESS EXCLUSIVE", table), "; no static rule predicted it. Instead ",
		"expand and contract: add a new column or table beside the old one, fill it in batches outside the migration's ",
		"transaction, switch the application, then drop the old one",
	])
	finding := at_statement("MIG-061", message, f, s)
}

# METADATA
# scope: rule
# title: The statement failed on a real PostgreSQL
# description: |
#   Trace mode ran the statement on a real PostgreSQL, after replaying the earlier migrations, and
#   PostgreSQL refused it on the seeded tables and again on the same tables empty (for example "cannot
#   run inside a transaction block", or a column that does not exist). A statement that fails only on the
#   seeded rows is MIG-063 instead. The rest of the file is not traced: it is replayed on empty tables so
#   that the later files meet the schema they expect.
# custom:
#   id: MIG-062
#   severity: warn
#   remediation: Fix the statement so it succeeds on a copy of production data, then run the trace again.
#   docs: docs/migrations.md#trace-mode
violation contains finding if {
	some [fi, si] in traced_statements
	f := input.files[fi]
	s := f.statements[si]
	s.trace.error
	message := concat("", [
		"on a real PostgreSQL, with the earlier migrations replayed, this statement failed, and not because of the ",
		"rows the trace seeded (it fails on the empty tables too): ", s.trace.error, "; the rest of the file was not ",
		"traced. Instead fix it so it ",
		"succeeds on a copy of the schema (a failed migration holds its locks until it rolls back)",
	])
	finding := at_statement("MIG-062", message, f, s)
}

# METADATA
# scope: rule
# title: The statement depends on the table's data
# description: |
#   Trace mode ran the statement on a real PostgreSQL and it failed on the rows the trace generated for
#   the table, then succeeded on the same table empty. The schema is fine; whether it succeeds in
#   production depends on the values there (a cast in USING, a new CHECK or UNIQUE, a NOT NULL). A
#   warning that shows the value, never a block on invented data.
# custom:
#   id: MIG-063
#   severity: warn
#   remediation: |
#     Check that every production value passes what the statement needs (for example
#     `SELECT col FROM t WHERE NOT pg_input_is_valid(col, 'jsonb')` on PostgreSQL 16+), clean the data
#     first in a migration of its own, or make the conversion tolerant of it.
#   docs: docs/migrations.md#trace-mode
violation contains finding if {
	some [fi, si] in traced_statements
	f := input.files[fi]
	s := f.statements[si]
	s.trace.data_dependent
	message := concat("", [
		"depends on data: on a real PostgreSQL it ran on the empty table but failed on the seeded rows (value ",
		s.trace.data_dependent.value, ": ", s.trace.data_dependent.error, "). Instead check that every production ",
		"value passes what this statement needs, and clean the data in a migration before it if not",
	])
	finding := at_statement("MIG-063", message, f, s)
}

# [file, statement] of every statement with trace facts.
traced_statements contains [fi, si] if {
	input.settings.traced
	some fi, f in input.files
	some si, s in f.statements
	s.trace
}

predicted_at_least(s, observed) if {
	some predicted in s.locks
	predicted.table == observed.relation
	lock_rank[predicted.mode] >= lock_rank[observed.mode]
}

predicted_phrase(s, relation) := concat(" and ", [predicted.mode |
	some predicted in s.locks
	predicted.table == relation
]) if {
	some predicted in s.locks
	predicted.table == relation
} else := "no lock on it"

# Statements a static rule already flags as rewriting their table.
predicted_rewrite(s) if {
	some action in s.actions
	action.kind == "add_column"
	default_rewrite(action.default_expr)
}

predicted_rewrite(s) if {
	some action in s.actions
	action.kind == "add_column"
	rewriting_kind(action)
}

predicted_rewrite(s) if {
	some action in s.actions
	action.kind == "alter_column_type"
	not safe_type_change(action)
}

predicted_rewrite(s) if {
	some action in s.actions
	action.kind in {"set_logged", "set_unlogged"}
}

predicted_rewrite(s) if s.kind in {"vacuum", "cluster", "refresh_materialized_view"}
