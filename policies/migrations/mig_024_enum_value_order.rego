package resilience.migrations

# METADATA
# title: Enum value added without BEFORE or AFTER
# description: |
#   ALTER TYPE ... ADD VALUE without BEFORE or AFTER appends the value last in the enum's sort order,
#   so comparisons (status < 'approved') and ORDER BY on the column treat it as greater than every
#   existing value. It takes only a brief lock on the type, no table lock; the new value cannot be
#   used until the transaction that added it commits.
# custom:
#   id: MIG-024
#   severity: warn
#   remediation: Say where it belongs, `ALTER TYPE status ADD VALUE 'pending' BEFORE 'approved';`.
#   docs: docs/migrations.md#mig-024
violation contains finding if {
	some [fi, si] in input.index.statements.alter_enum
	f := input.files[fi]
	s := f.statements[si]
	s.action == "add_value"
	not s.position
	not s.exists
	message := concat("", [
		"ALTER TYPE ", s.type, " ADD VALUE '", s.value,
		"' appends it last in the sort order, so comparisons and ORDER BY on ", s.type, " put it after every existing value",
		known_values(s),
		". It takes only a brief lock on the type (no table lock). Instead say where it belongs: ALTER TYPE ", qname(s.type),
		" ADD VALUE '", s.value, "' BEFORE '<next value>'; (or AFTER '<previous value>')",
	])
	finding := at_statement("MIG-024", message, f, s)
}

known_values(s) := concat(
	"",
	[" (", concat(", ", [concat("", ["'", v, "'"]) | some v in s.existing_values]), ")"],
) if {
	is_array(s.existing_values)
}

else := ""
