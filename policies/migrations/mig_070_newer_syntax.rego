package resilience.migrations

# METADATA
# title: Syntax the target PostgreSQL does not accept
# description: |
#   The gate parses with PostgreSQL 18's grammar, so a statement can parse here and still be a syntax
#   error (or an unknown function) on the production server. The statement uses a construct that a
#   newer release added than `postgresVersion` (MERGE needs 15, SQL/JSON constructors, IS JSON,
#   ANY_VALUE, SYSTEM_USER and 1_000 or 0x1F literals need 16, JSON_TABLE, MERGE ... RETURNING and SET
#   ACCESS METHOD DEFAULT need 17, virtual generated columns and NOT ENFORCED need 18, and more): the
#   migration fails when it runs there. What is not detected is listed in docs/migrations.md#mig-070.
# custom:
#   id: MIG-070
#   severity: block
#   remediation: |
#     Write the statement the way the production release accepts, or set `postgresVersion` to the
#     release production really runs.
#   docs: docs/migrations.md#mig-070
violation contains finding if {
	some [fi, si] in input.index.newer_syntax
	f := input.files[fi]
	s := f.statements[si]
	some n in s.newer_syntax
	n.version > postgres_version
	message := concat("", [
		"this statement uses ", n.construct, ", which PostgreSQL accepts from release ", format_int(n.version, 10),
		", but postgresVersion is ", format_int(postgres_version, 10),
		": the migration fails on the production server. Instead write it the way PostgreSQL ",
		format_int(postgres_version, 10), " accepts, or set postgresVersion to the release production runs",
	])
	finding := newer_syntax_finding(message, f, s, n)
}

newer_syntax_finding(message, f, s, n) := at_node("MIG-070", message, f, s, n.at) if is_number(n.at)

else := at_statement("MIG-070", message, f, s)
