package resilience.migrations

# METADATA
# title: Schema or database dropped
# description: |
#   DROP SCHEMA and DROP DATABASE delete every object inside and all their data; there is no undo but a
#   restore from backup. DROP SCHEMA takes ACCESS EXCLUSIVE on every table it drops.
# custom:
#   id: MIG-019
#   severity: block
#   remediation: |
#     Drop the objects you mean to drop by name, after the application stopped using them, with a tested
#     restore (see the restore-proofs gate). Ignore this rule on the statement with the reason if this
#     really is intended.
#   docs: docs/migrations.md#mig-019
violation contains finding if {
	some [fi, si] in input.index.statements.drop
	f := input.files[fi]
	s := f.statements[si]
	s.object_type in {"schema", "database"}
	some dropped in s.objects
	message := concat("", [
		"DROP ", upper(s.object_type), " ", dropped.name,
		" deletes every object in it and all their data; the only undo is a restore from backup. It takes an ACCESS ",
		"EXCLUSIVE lock on every table it drops, which blocks all reads and writes of them. Instead drop the objects ",
		"you mean to drop by name, after the application stopped using them",
	])
	finding := at_statement("MIG-019", message, f, s)
}
