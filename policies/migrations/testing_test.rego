# Builders for the migrations rule tests: input documents shaped like the collector's, with its index.
package resilience.migrations_test

import data.resilience.migrations

default_settings := {
	"postgres_version": 15,
	"require_rollback_plan": true,
	"max_lock_timeout_ms": 5000,
	"require_statement_timeout": true,
	"on_parse_error": "error",
	"ignores": [],
}

# doc is an input document of the given files (numbered, with the collector's index).
doc(files) := doc_with(files, {})

doc_with(files, settings) := {
	"now": 0,
	"settings": object.union(default_settings, settings),
	"files": numbered,
	"index": index_of(numbered),
} if {
	numbered := [object.union(f, {"index": i, "statements": [object.union(s, {"index": j}) |
		some j, s in object.get(f, "statements", [])
	]}) |
		some i, f in files
	]
}

index_of(files) := {
	"statements": {s.kind: [[i, j] |
		some i, f in files
		some j, t in f.statements
		t.kind == s.kind
	] |
		some f in files
		some s in f.statements
	},
	"actions": {a.kind: [[i, j, k] |
		some i, f in files
		some j, s in f.statements
		some k, b in object.get(s, "actions", [])
		b.kind == a.kind
	] |
		some f in files
		some s in f.statements
		some a in object.get(s, "actions", [])
	},
	"lock_timeout": timeout_groups(files, "lock_timeout_ms"),
	"statement_timeout": timeout_groups(files, "statement_timeout_ms"),
	"truncated_identifiers": [[i, j] |
		some i, f in files
		some j, s in f.statements
		count(object.get(s, "truncated_identifiers", [])) > 0
	],
	"newer_syntax": [[i, j] |
		some i, f in files
		some j, s in f.statements
		count(object.get(s, "newer_syntax", [])) > 0
	],
}

timeout_groups(files, field) := {key: [[i, j] |
	some i, f in files
	some j, s in f.statements
	count(object.get(s, "locks", [])) > 0
	timeout_key(s, field) == key
] |
	some f in files
	some s in f.statements
	count(object.get(s, "locks", [])) > 0
	key := timeout_key(s, field)
}

timeout_key(s, field) := format_int(s[field], 10) if is_number(s[field])

else := "none"

# file is a migration file run in one transaction, with a rollback note unless overridden.
file(statements) := {
	"path": "db/V2__change.sql",
	"format": "flyway",
	"version": "2",
	"transaction": "per-file",
	"rollback": {"notes": [{"text": "expand/contract", "at": 0}]},
	"statements": statements,
}

# in_transaction adds the usual context of a statement in the runner's transaction with safe timeouts.
ctx(s) := object.union(
	{"in_transaction": true, "transaction": 0, "lock_timeout_ms": 2000, "statement_timeout_ms": 60000},
	s,
)

table(name) := {"id": concat(".", ["public", name]), "name": name, "known": true}

new_table(name) := object.union(table(name), {"new": true})

# alter is ALTER TABLE on an existing table with the given subcommands, locking it ACCESS EXCLUSIVE.
alter(name, actions) := ctx({
	"kind": "alter_table",
	"table": table(name),
	"actions": actions,
	"locks": [{"table": name, "id": concat(".", ["public", name]), "mode": "ACCESS EXCLUSIVE"}],
})

alter_new(name, actions) := object.union(alter(name, actions), {
	"table": new_table(name),
	"locks": [{"table": name, "id": concat(".", ["public", name]), "mode": "ACCESS EXCLUSIVE", "new": true}],
})

# found is the gate's findings for the given statements in one file.
found(statements) := result if {
	# regal ignore:with-outside-test-context
	result := migrations.findings with input as doc([file(statements)])
}

# found_in is the gate's findings for a whole input document.
found_in(document) := result if {
	# regal ignore:with-outside-test-context
	result := migrations.findings with input as document
}

rules(findings) := {f.rule | some f in findings}

messages(rule, findings) := {f.message | some f in findings; f.rule == rule}

of_rule(rule, findings) := {f | some f in findings; f.rule == rule}
