package resilience.migrations

# METADATA
# title: Migration does not parse
# description: |
#   The file is not valid SQL for PostgreSQL's own grammar (libpg-query), so none of its statements
#   was checked. By default an unparseable migration fails the gate with an error; with
#   `onParseError: warn` it is reported here instead, at the line and column the parser points at.
# custom:
#   id: MIG-001
#   severity: warn
#   remediation: |
#     Fix the syntax error at the reported position. Files with psql meta-commands (`\connect`) or
#     unexpanded runner placeholders (`${schema}`) are not plain SQL; expand them before checking.
#   docs: docs/migrations.md#mig-001
violation contains finding if {
	some f in input.files
	is_object(f.parse_error)
	finding := {
		"rule": "MIG-001",
		"message": concat(
			"",
			["PostgreSQL cannot parse this migration: ", f.parse_error.message, "; nothing in the file was checked"],
		),
		"file": f.index,
		"line": f.parse_error.line,
		"column": f.parse_error.column,
	}
}
