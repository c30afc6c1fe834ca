package resilience.migrations

# METADATA
# title: Blocking lock taken without a short lock_timeout
# description: |
#   A statement that needs a lock which blocks the application (SHARE and stronger) first waits in the
#   lock queue behind every running transaction on that table, and while it waits every new query on
#   the table queues behind it: one long report query turns a millisecond ALTER into an outage. A short
#   lock_timeout makes it give up instead (retry later). The gate tracks SET, SET LOCAL and set_config
#   through the file and its transactions, plus what the runner's connection sets (`connection`), and
#   flags a missing lock_timeout, 0 (none), or one longer than `maxLockTimeout` (default 5s). With
#   trace mode, a lock observed on a real server counts even where no static rule predicted it.
# custom:
#   id: MIG-022
#   severity: block
#   remediation: |
#     Put `SET lock_timeout = '2s';` at the top of the migration (before the first DDL), and retry the
#     migration when it times out.
#   docs: docs/migrations.md#mig-022
violation contains finding if {
	some setting, positions in input.index.lock_timeout
	problem := lock_timeout_problem(setting)
	some [fi, si] in positions
	f := input.files[fi]
	s := f.statements[si]
	locks := all_blocking_locks(s)
	count(locks) > 0
	message := concat("", [
		statement_label(s), " needs ", concat(" and ", sort(locks)), ", and ", problem,
		": while it waits for the lock behind any running query, every new query on ", concat(", ", sort(locked_tables(s))),
		" queues behind it. Instead put SET lock_timeout = '2s'; before it (at most ",
		format_int(input.settings.max_lock_timeout_ms, 10), " ms) and retry the migration when it times out",
	])
	finding := at_statement("MIG-022", message, f, s)
}

# lock_timeout_problem says what is wrong with a lock_timeout ("none" when unset, else milliseconds).
lock_timeout_problem(setting) := "no lock_timeout is set" if setting == "none"

else := "lock_timeout is 0 (wait forever)" if to_number(setting) == 0

else := concat("", [
	"lock_timeout is ", setting, " ms, longer than the ", format_int(input.settings.max_lock_timeout_ms, 10),
	" ms allowed (maxLockTimeout)",
]) if {
	to_number(setting) > input.settings.max_lock_timeout_ms
}

# Predicted locks and, in trace mode, the locks observed on a real server.
all_blocking_locks(s) := {concat("", [article(l.mode), " ", l.mode, " lock on ", l.table]) |
	some l in blocking_locks(s)
} | observed_blocking_locks(s)

locked_tables(s) := {l.table | some l in blocking_locks(s)} | observed_blocking_tables(s)

# statement_label names a statement in a message: "ALTER TABLE accounts", "CREATE INDEX on orders".
statement_label(s) := concat("", ["ALTER TABLE ", s.table.name]) if s.kind == "alter_table"

else := concat("", [upper(replace(s.kind, "_", " ")), " ", s.table.name]) if s.kind == "create_table"

else := concat("", [upper(replace(s.kind, "_", " ")), " on ", s.table.name]) if is_object(s.table)

else := upper(replace(s.kind, "_", " "))
