package resilience.restore_proofs

# METADATA
# title: An integrity check of the restored copy failed
# description: |
#   In the newest valid drill, a table's row count or content checksum (PostgreSQL), or a database's key
#   count or a sampled key's digest (Redis), differs between the restored copy and the source as of the
#   backup: the backup or the restore loses or changes data.
# custom:
#   id: RP-006
#   severity: block
#   remediation: |
#     Investigate the table or key named: a corrupt backup, objects the dump skips (extensions, excluded
#     schemas), or a restore that stopped early. Fix it and run the drill again.
#   docs: docs/restore-proofs.md#rp-006
findings contains finding if {
	some store in input.stores
	proof := latest(store)
	some check in proof.checks
	not check.passed
	finding := {
		"rule": "RP-006",
		"message": sprintf(
			"in the latest restore drill, %s %s does not match the source: %s",
			[check.kind, check.name, check_detail(check)],
		),
		"proof": proof.id,
		"path": ["integrity", "checks", check.index, "passed"],
	}
}

check_detail(check) := check.detail if is_string(check.detail)

else := "no detail recorded"
