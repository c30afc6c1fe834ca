package resilience.migrations

# METADATA
# title: An already-applied migration was edited
# description: |
#   The file existed at the base ref (`--base`) and was modified. Environments that ran the base have
#   applied the old text and will not run it again (Flyway refuses to migrate on the checksum mismatch),
#   so the edit either never reaches them or breaks the deploy.
# custom:
#   id: MIG-032
#   severity: block
#   remediation: Revert the edit and put the change in a new migration.
#   docs: docs/migrations.md#mig-032
violation contains finding if {
	some f in input.files
	f.modified
	message := concat("", [
		"This migration existed at the base ref and was edited: environments that already ran it ",
		"will not run it again (Flyway fails validation on the checksum). Instead revert the edit ",
		"and write the change as a new migration",
	])
	finding := {"rule": "MIG-032", "message": message, "file": f.index, "line": 1}
}
