package resilience.migrations

# METADATA
# title: Migration does not parse
# description: |
#   A statement of the file is not valid SQL for PostgreSQL's own grammar (libpg-query), so it was not
#   checked; the file's other statements (split as psql splits a script) and the later files still are,
#   and the replay treats the tables the statement names as unknown from there on. By default an
#   unparseable statement also makes the gate's verdict `error` (naming file, line, column and the
#   parser's message); with `onParseError: warn` this warning is all.
# custom:
#   id: MIG-001
#   severity: warn
#   remediation: |
#     Fix the syntax error at the reported position. Files with psql meta-commands (`\connect`) or
#     unexpanded runner placeholders (`${schema}`) are not plain SQL; expand them before checking.
#   docs: docs/migrations.md#mig-001
violation contains finding if {
	some f in input.files
	some e in f.parse_errors
	finding := {
		"rule": "MIG-001",
		"message": concat("", [
			"PostgreSQL cannot parse this statement: ", e.message, "; it was not checked (the file's other statements ",
			"were)", unknown_after(e), ". Instead fix the syntax at this position",
		]),
		"file": f.index,
		"line": e.line,
		"column": e.column,
	}
}

unknown_after(e) := concat("", ["; from here on the replay treats ", concat(", ", e.unknown), " as unknown"]) if {
	count(e.unknown) > 0
} else := ""
