package resilience.migrations

# METADATA
# title: No statement_timeout before blocking DDL
# description: |
#   Once a blocking lock is granted, everything else on the table waits until the statement ends. A
#   statement_timeout bounds that: a rewrite or scan that takes longer than planned is cancelled instead
#   of blocking the application for as long as it runs. Reported once per file, at the first statement
#   that takes a blocking lock with no statement_timeout in effect (SET in the file or `connection`).
# custom:
#   id: MIG-023
#   severity: warn
#   remediation: |
#     Put `SET statement_timeout = '5min';` (or what the largest statement needs) at the top of the
#     migration.
#   docs: docs/migrations.md#mig-023
violation contains finding if {
	some [fi, si] in unbounded_blocking
	not earlier_unbounded(fi, si)
	f := input.files[fi]
	s := f.statements[si]
	message := concat("", [
		statement_label(s), " takes ", concat(" and ", sort(all_blocking_locks(s))),
		" with no statement_timeout in effect: if it runs longer than planned, the lock is held (and the application ",
		"blocked) ",
		"for as long as it runs. Instead put SET statement_timeout = '5min'; (what the largest statement needs) at the ",
		"top of the migration",
	])
	finding := at_statement("MIG-023", message, f, s)
}

# [file, statement] of statements with a blocking lock and no statement_timeout.
unbounded_blocking contains [fi, si] if {
	input.settings.require_statement_timeout
	some setting in ["none", "0"]
	some [fi, si] in input.index.statement_timeout[setting]
	s := input.files[fi].statements[si]
	count(all_blocking_locks(s)) > 0
}

earlier_unbounded(fi, si) if {
	si > 0
	some k in numbers.range(0, si - 1)
	unbounded_blocking[[fi, k]]
}
