package resilience.migrations

# METADATA
# title: Destructive change without a rollback plan
# description: |
#   A migration that drops, truncates, renames or changes the type of something the application uses
#   cannot be undone by deploying the previous release. It needs a rollback plan: a down migration
#   beside it (golang-migrate `.down.sql`, a Flyway `U<version>__` undo script, `x.down.sql` or
#   `down.sql`), or an expand/contract note in the file, `-- resilience-gates-rollback: <plan>`.
#   Reported once per file, at the first destructive statement; `requireRollbackPlan: false` turns it off.
#   Changes the previous release lives with are expand steps and owe no plan: a binary-coercible widening
#   (varchar(n) to varchar(m > n) or text, numeric precision widened), and a view, function, trigger or
#   type dropped and re-created in the same transaction.
# custom:
#   id: MIG-027
#   severity: block
#   remediation: |
#     Add the down migration, or write in the file how to roll back, e.g.
#     `-- resilience-gates-rollback: expand/contract; v41 no longer reads users.legacy_id`.
#   docs: docs/migrations.md#mig-027
violation contains finding if {
	some [fi, si] in destructive_statements
	not earlier_destructive(fi, si)
	f := input.files[fi]
	s := f.statements[si]
	what := sort(destructive_changes(s))
	message := concat("", [
		"This migration ", concat(", ", what), more_changes(fi, si),
		" and has no rollback plan: deploying the previous release does not undo it. Add a down migration (",
		down_file_hint(f),
		"), or write the plan in the file: -- resilience-gates-rollback: <how to undo it, or the expand/contract ",
		"step that keeps the old shape working>",
	])
	finding := at_statement("MIG-027", message, f, s)
}

# [file, statement] of every statement that drops, truncates, renames or retypes something in use.
destructive_statements contains [fi, si] if {
	input.settings.require_rollback_plan
	some kind in ["drop", "truncate", "rename", "alter_table"]
	some [fi, si] in object.get(input.index.statements, kind, [])
	not has_rollback_plan(input.files[fi])
	count(destructive_changes(input.files[fi].statements[si])) > 0
}

earlier_destructive(fi, si) if {
	si > 0
	some k in numbers.range(0, si - 1)
	destructive_statements[[fi, k]]
}

has_rollback_plan(f) if is_string(f.rollback.file)

has_rollback_plan(f) if {
	some note in f.rollback.notes
	trim_space(note.text) != ""
}

more_changes(fi, si) := concat("", [" (and ", format_int(n, 10), " later statements with destructive changes)"]) if {
	last := count(input.files[fi].statements) - 1
	si < last
	n := count([k | some k in numbers.range(si + 1, last); destructive_statements[[fi, k]]])
	n > 0
} else := ""

destructive_changes(s) := {concat("", ["drops ", replace(s.object_type, "_", " "), " ", o.name]) |
	some o in s.objects
	not o.new
	not o.recreated
} if {
	s.kind == "drop"
} else := {concat("", ["truncates ", t.name]) | some t in s.tables; existing(t)} if {
	s.kind == "truncate"
} else := {concat("", ["renames ", replace(s.object_type, "_", " "), " ", s.from]) | renamed_in_use(s)} if {
	s.kind == "rename"
} else := altered_destructively(s) if {
	s.kind == "alter_table"
	existing(s.table)
	some a in s.actions
	destructive_verb[a.kind]
} else := set()

altered_destructively(s) := {concat("", [destructive_verb[a.kind], " ", s.table.name, ".", a.column]) |
	some a in s.actions
	destructive_verb[a.kind]
	not expand_step(a)
}

# A widening the running release keeps working with: no rewrite, every old value still fits.
expand_step(a) if {
	a.kind == "alter_column_type"
	safe_type_change(a)
	not a.new_type.name == "timestamptz"
}

destructive_verb := {"drop_column": "drops column", "alter_column_type": "changes the type of"}

down_file_hint(f) := concat("", ["V", f.version, " → U", f.version, "__<description>.sql"]) if {
	f.format == "flyway"
	is_string(f.version)
} else := concat("", [replace(f.path, ".up.sql", ".down.sql")]) if {
	f.format == "golang-migrate"
} else := "down.sql in the migration's folder" if {
	f.format == "prisma"
} else := concat("", [replace(f.path, ".sql", ".down.sql")])
