# Helpers shared by the migrations rules: what each statement locks (PostgreSQL's lock levels for DDL,
# checked against a real server by the trace tests), what a lock blocks in plain words, identifiers
# quoted for the rewrites, and the findings' locators. The rules add to `violation`; findings.rego
# applies the inline ignores and yields `findings`.
package resilience.migrations

# Lock modes by strength (PostgreSQL's numbering, 1 = ACCESS SHARE).
lock_rank := {
	"ACCESS SHARE": 1,
	"ROW SHARE": 2,
	"ROW EXCLUSIVE": 3,
	"SHARE UPDATE EXCLUSIVE": 4,
	"SHARE": 5,
	"SHARE ROW EXCLUSIVE": 6,
	"EXCLUSIVE": 7,
	"ACCESS EXCLUSIVE": 8,
}

# What each lock mode, held on a table, stops other sessions from doing.
lock_blocks := {
	"ACCESS SHARE": "only ACCESS EXCLUSIVE requests (reads and writes continue)",
	"ROW SHARE": "EXCLUSIVE and ACCESS EXCLUSIVE requests (reads and writes continue)",
	"ROW EXCLUSIVE": "SHARE and stronger requests such as CREATE INDEX (reads and writes continue)",
	"SHARE UPDATE EXCLUSIVE": "other schema changes, VACUUM and ANALYZE (reads and writes continue)",
	"SHARE": "all writes (INSERT, UPDATE, DELETE); reads continue",
	"SHARE ROW EXCLUSIVE": "all writes (INSERT, UPDATE, DELETE); reads continue",
	"EXCLUSIVE": "all writes and SELECT ... FOR UPDATE; plain reads continue",
	"ACCESS EXCLUSIVE": "all reads and writes",
}

# A lock that stops the application: SHARE and stronger block writes, ACCESS EXCLUSIVE also reads.
blocking_rank := 5

# A table that holds rows the application uses: not created earlier in the same migration.
existing(table) if not table.new

# table_of_index is the table of a dropped index, or a description when the replayed schema does not know it.
table_of_index(index) := index.table if is_object(index.table)

else := {"id": "", "name": concat("", ["the table of index ", index.name])}

# blocking_locks is the locks a statement takes (s.locks, from the collector) that block the
# application, on tables it already uses.
blocking_locks(s) := [l |
	some l in s.locks
	lock_rank[l.mode] >= blocking_rank
	not l.new
]

concurrent_mode(s, concurrent, plain) := concurrent if s.concurrent

else := plain

constraints_of_action(action) := [action.constraint] if action.kind == "add_constraint"

else := object.get(action, "constraints", []) if action.kind == "add_column"

else := []

# lock_phrase describes a lock: "an ACCESS EXCLUSIVE lock on users, which blocks all reads and writes".
lock_phrase(mode, table_name) := concat(
	"",
	[article(mode), " ", mode, " lock on ", table_name, ", which blocks ", lock_blocks[mode]],
)

# article is the indefinite article of a lock mode's name.
article(mode) := object.get({"ACCESS SHARE": "an", "ACCESS EXCLUSIVE": "an", "EXCLUSIVE": "an"}, mode, "a")

# ---- identifiers in the suggested SQL ----

reserved_words := {
	"all", "analyse", "analyze", "and", "any", "array", "as", "asc", "both", "case", "cast", "check", "collate",
	"column", "constraint", "create", "current_date", "current_time", "current_timestamp", "current_user",
	"default", "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "from",
	"grant", "group", "having", "in", "initially", "intersect", "into", "leading", "limit", "localtime",
	"not", "null", "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning",
	"select", "session_user", "some", "table", "then", "to", "trailing", "true", "union", "unique", "user",
	"using", "variadic", "when", "where", "window", "with",
}

# ident quotes one identifier when PostgreSQL needs it quoted.
ident(name) := name if {
	regex.match(`^[a-z_][a-z0-9_$]*$`, name)
	not name in reserved_words
} else := concat("", [`"`, replace(name, `"`, `""`), `"`])

# qname quotes each part of a possibly schema-qualified name.
qname(name) := concat(".", [ident(part) | some part in split(name, ".")])

# ---- findings ----

# at_statement is a finding located at a statement's first token.
at_statement(rule, message, f, s) := {"rule": rule, "message": message, "file": f.index, "statement": s.index}

# at_node is a finding located at a node inside a statement (a column, a constraint), by byte offset.
at_node(rule, message, f, s, at) := {
	"rule": rule,
	"message": message,
	"file": f.index,
	"statement": s.index,
	"at": at,
}

# statements_of is [f, s] for every judged statement of one kind, from the collector's index.
statements_of(kind) := [[f, s] |
	some [fi, si] in object.get(input.index.statements, kind, [])
	f := input.files[fi]
	s := f.statements[si]
]

# table_actions is [f, s, action] for every ALTER TABLE subcommand of one kind on a table that
# already holds rows (not created earlier in the same migration).
table_actions(kind) := [[f, s, action] |
	some [fi, si, ai] in object.get(input.index.actions, kind, [])
	f := input.files[fi]
	s := f.statements[si]
	s.kind == "alter_table"
	existing(s.table)
	action := s.actions[ai]
]

# refs is the index entries of a statement kind ([file, statement]) or, for a kind of ALTER TABLE
# subcommand, of those subcommands ([file, statement, action]).
refs(kind) := found if {
	found := input.index.statements[kind]
} else := object.get(input.index.actions, kind, [])

# no_transaction_advice is how to run a statement outside a transaction block with the file's runner
# (f.runner; the facts also say which model the gate assumed, f.runner_model).
no_transaction_advice(f) := object.get(runner_advice, object.get(f, "runner", "plain"), runner_advice.plain)

runner_advice := {
	"prisma": concat("", [
		"Move it to a migration.sql of its own holding only this statement: Prisma sends the file as one ",
		"simple-query message, and PostgreSQL runs a single-statement message outside any transaction block.",
	]),
	"golang-migrate": concat("", [
		"Move it to a .up.sql file of its own holding only this statement: golang-migrate sends the file as one ",
		"simple-query message, and PostgreSQL runs a single-statement message outside any transaction block.",
	]),
	"golang-migrate-multi-statement": "Remove the BEGIN around it: with x-multi-statement each statement runs on its own.",
	"flyway": concat("", [
		"Move it to a V<n>__name.sql of its own holding only this statement, with executeInTransaction=false in ",
		"that script's .conf file, which the gate reads (for CREATE or DROP INDEX CONCURRENTLY alone in a file ",
		"Flyway does this by itself).",
	]),
	"diesel": concat("", [
		"Move it to a migration of its own holding only this statement, with run_in_transaction = false in its ",
		"metadata.toml (Diesel then sends up.sql as one message without BEGIN).",
	]),
	"node-pg-migrate": "Run it from a migration of its own that calls pgm.noTransaction(), holding only this statement.",
	"rails": "Move it to a migration of its own with disable_ddl_transaction!, holding only this statement.",
	"graphile-migrate": concat("", [
		"Move it to a migration of its own that starts with --! no-transaction and holds only this statement ",
		"(graphile-migrate sends it as one message; a second statement would put it in an implicit transaction block).",
	]),
	"psql": "Remove the BEGIN ... COMMIT around it: psql runs each statement on its own in autocommit.",
	"psql-single-transaction": "Run that file with psql without -1 (--single-transaction), in a file of its own.",
	"plain": concat("", [
		"Put it in a migration file of its own that runs outside a transaction, and tell the gate how the runner ",
		"executes it (runner: psql for autocommit, or a `--! no-transaction` header in the file).",
	]),
}

postgres_version := object.get(input, ["settings", "postgres_version"], 15)

# ---- trace mode: what a real PostgreSQL did ----

# Blocking locks observed on tables that existed before the statement (trace mode only).
observed_locks(s) := [l |
	some l in object.get(s, ["trace", "locks"], [])
	l.existing
	lock_rank[l.mode] >= blocking_rank
]

observed_blocking_locks(s) := {concat("", [article(l.mode), " ", l.mode, " lock on ", l.relation]) |
	some l in observed_locks(s)
}

observed_blocking_tables(s) := {l.relation | some l in observed_locks(s)}
