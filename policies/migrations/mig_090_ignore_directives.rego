package resilience.migrations

# METADATA
# title: Ignore directive is malformed
# description: |
#   An inline ignore must name the rules it silences and say why:
#   `-- resilience-gates-ignore MIG-007, MIG-022: the table has 40 rows` before the statement, or
#   `-- resilience-gates-ignore-file MIG-023: reason` anywhere in the file. One without a reason, without
#   rule ids, with an unknown directive name, or with no statement after it suppresses nothing.
# custom:
#   id: MIG-090
#   severity: block
#   remediation: "Write it as `-- resilience-gates-ignore RULE[, RULE]: reason`, or remove it."
#   docs: docs/migrations.md#ignoring-a-finding
directive_violation contains finding if {
	some f in input.files
	some directive in f.ignores
	is_string(directive.problem)
	message := concat("", [
		"this ignore directive suppresses nothing: ", directive.problem,
		". Write it as -- resilience-gates-ignore RULE[, RULE]: reason",
	])
	finding := {"rule": "MIG-090", "message": message, "file": f.index, "at": directive.at}
}

# METADATA
# title: Ignore directive suppresses nothing
# description: |
#   An inline ignore for a rule that does not fire on its statement (or anywhere in the file, for the
#   file form) is stale: the statement was fixed or the rule id is wrong. Left in place it would hide a
#   future finding. A configured ignore (`ignores:` in the gate's options) that matches nothing is
#   reported the same way.
# custom:
#   id: MIG-091
#   severity: warn
#   remediation: Remove the directive (or the rule id from it).
#   docs: docs/migrations.md#ignoring-a-finding
directive_violation contains finding if {
	some f in input.files
	some directive in f.ignores
	not directive.problem
	some rule in directive.rules
	not directive_used(f, directive, rule)
	message := concat("", [
		"this ignore directive suppresses nothing: ", rule, " does not fire ", directive_scope_text(directive), ". Remove ",
		rule, " from it",
	])
	finding := {"rule": "MIG-091", "message": message, "file": f.index, "at": directive.at}
}

directive_violation contains finding if {
	count(input.files) > 0
	some ignore in input.settings.ignores
	not configured_ignore_used(ignore)
	message := concat("", [
		"the configured ignore of ", ignore.rule, " (ignores[", format_int(ignore.index, 10),
		"]) suppresses nothing in the migrations checked; remove it",
	])

	# Judged in slices of files, a configured ignore suppresses nothing only if no slice used it.
	finding := {"rule": "MIG-091", "message": message, "file": 0, "line": 1, "every_slice": true}
}

directive_used(f, directive, rule) if {
	directive.scope == "statement"
	violation_places[[f.index, rule, directive.statement]]
}

directive_used(f, directive, rule) if {
	directive.scope == "file"
	violation_files[[f.index, rule]]
}

configured_ignore_used(ignore) if {
	some file in ignore.files
	violation_files[[file, ignore.rule]]
}

directive_scope_text(directive) := "on the next statement" if directive.scope == "statement"

else := "anywhere in this file"
