# The gate's entrypoint: every rule's violation, minus those an inline ignore directive or a configured
# ignore suppresses, plus the findings about the directives themselves. The collector passes the
# directives as facts; whether one applies, and whether it is valid, is decided here.
package resilience.migrations

# METADATA
# scope: document
# title: Findings of the migrations gate
# description: |
#   Every rule of the gate adds to `violation`; this set is what the engine evaluates
#   (resilience/migrations/findings): violations no ignore suppresses, plus findings about the ignores.
# entrypoint: true
findings contains v if {
	some v in violation
	not suppressed(v)
}

findings contains v if some v in directive_violation

# The ignore directives of each file, by the file's index (what findings name; the input may be a slice
# of the judged files, so that index is not a position in input.files).
file_ignores[f.index] := f.ignores if some f in input.files

suppressed(v) if {
	some directive in file_ignores[v.file]
	not directive.problem
	v.rule in directive.rules
	covers(directive, v)
}

suppressed(v) if {
	some ignore in input.settings.ignores
	ignore.rule == v.rule
	v.file in ignore.files
}

covers(directive, _) if directive.scope == "file"

covers(directive, v) if {
	directive.scope == "statement"
	directive.statement == v.statement
}

# [file, rule, statement] of every violation, and [file, rule], to find ignores that suppress nothing.
violation_places contains [v.file, v.rule, object.get(v, "statement", null)] if some v in violation

violation_files contains [v.file, v.rule] if some v in violation
