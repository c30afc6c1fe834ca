package resilience.migrations

# METADATA
# scope: rule
# title: Transaction control that fights the runner, or a transaction left open
# description: |
#   When the runner wraps each file in a transaction (`transaction: per-file`), a COMMIT in the file ends
#   the runner's transaction early, so a later failure leaves the migration half applied, and a BEGIN
#   only draws a warning. When the runner sends the file as one simple-query message (Prisma,
#   golang-migrate), the message is already one implicit transaction: a COMMIT in it does commit what
#   came before, and the statements after it run in a new implicit transaction. In files run without a
#   runner transaction, a BEGIN inside an open transaction, a COMMIT with none open, and above all a
#   BEGIN never committed (the changes are rolled back when the session ends) are mistakes.
# custom:
#   id: MIG-029
#   severity: block
#   remediation: |
#     Let the runner own the transaction (remove BEGIN/COMMIT), or set `transaction: none` for files that
#     manage their own, and close every BEGIN with COMMIT.
#   docs: docs/migrations.md#mig-029
violation contains finding if {
	some [fi, si] in input.index.statements.transaction
	f := input.files[fi]
	s := f.statements[si]
	f.transaction == "per-file"
	s.action in {"begin", "start", "commit", "rollback"}
	message := concat("", [
		upper(s.action), " in a file the runner already wraps in one transaction (transaction: per-file): ",
		per_file_effect(s),
		". Instead remove it and let the runner own the transaction, or set transaction: none for files that manage ",
		"their own",
	])
	finding := object.union(at_statement("MIG-029", message, f, s), {"severity": "warn"})
}

violation contains finding if {
	some [fi, si] in input.index.statements.transaction
	f := input.files[fi]
	s := f.statements[si]
	f.transaction == "single-message"
	s.action in {"commit", "rollback"}
	s.statements_after > 0
	message := concat("", [
		upper(s.action), " in a file the runner sends as one simple-query message (", f.runner_model, "): it ",
		single_message_effect(s), ", and the ", format_int(s.statements_after, 10), " statement(s) after it run in a new ",
		"implicit transaction, so if one of them fails the migration is left half applied and the runner does not ",
		"record it. Instead remove it (the message is already one transaction) or move the statements after it to ",
		"a migration of their own",
	])
	finding := object.union(at_statement("MIG-029", message, f, s), {"severity": "warn"})
}

violation contains finding if {
	some [fi, si] in input.index.statements.transaction
	f := input.files[fi]
	s := f.statements[si]
	f.transaction != "per-file"
	s.nested
	message := concat("", [
		"BEGIN inside a transaction that is already open: PostgreSQL only warns and keeps one ",
		"transaction, so the inner COMMIT ends both. Instead remove the inner BEGIN",
	])
	finding := object.union(at_statement("MIG-029", message, f, s), {"severity": "warn"})
}

violation contains finding if {
	some [fi, si] in input.index.statements.transaction
	f := input.files[fi]
	s := f.statements[si]
	f.transaction != "per-file"
	s.outside_transaction
	message := concat("", [
		upper(s.action),
		" with no transaction open: the statements before it already committed one by one. Instead open the ",
		"transaction with BEGIN where it should start, or remove this ", upper(s.action),
	])
	finding := object.union(at_statement("MIG-029", message, f, s), {"severity": "warn"})
}

violation contains finding if {
	some f in input.files
	is_number(f.unclosed_transaction)
	s := f.statements[f.unclosed_transaction]
	message := concat("", [
		"BEGIN is never committed: when the runner's session ends, PostgreSQL rolls the ",
		"transaction back, so the migration looks applied but changed nothing (and holds its locks ",
		"until then). Instead end the transaction with COMMIT;",
	])
	finding := at_statement("MIG-029", message, f, s)
}

per_file_effect(s) := concat("", [
	"PostgreSQL only warns (there is already a transaction in progress) ",
	"and the runner's COMMIT still decides",
]) if {
	s.action in {"begin", "start"}
} else := concat("", [
	"it ends the runner's transaction early, so if a later statement fails the migration is left half applied ",
	"and the runner may not record it",
])

single_message_effect(s) := "commits the statements before it" if s.action == "commit"

else := "rolls back the statements before it"
