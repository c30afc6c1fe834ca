package resilience.migrations

# METADATA
# title: Identifier longer than 63 bytes is truncated
# description: |
#   PostgreSQL truncates identifiers to 63 bytes (NAMEDATALEN - 1) with only a NOTICE, so the object
#   gets a different name than the migration says, and two long names can collide.
# custom:
#   id: MIG-046
#   severity: warn
#   remediation: Shorten the name to at most 63 bytes (UTF-8).
#   docs: docs/migrations.md#mig-046
violation contains finding if {
	some [fi, si] in input.index.truncated_identifiers
	f := input.files[fi]
	s := f.statements[si]
	some long in truncated_names(s)
	message := concat("", [
		long.name, " is ", format_int(long.bytes, 10),
		" bytes long; PostgreSQL silently truncates identifiers to 63 bytes, so the object gets a different name ",
		"than this migration uses (no lock is involved). Instead shorten it to at most 63 bytes",
	])
	finding := at_statement("MIG-046", message, f, s)
}

truncated_names(s) := object.get(s, "truncated_identifiers", [])
