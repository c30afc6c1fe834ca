package resilience.restore_proofs

# METADATA
# title: A smoke check of the restored copy failed
# description: |
#   In the newest valid drill, a smoke check (SQL the application relies on, run against the restored
#   copy) failed: the data came back, but not in a state the application can use.
# custom:
#   id: RP-011
#   severity: block
#   remediation: |
#     Read the check's detail, fix what the restored copy lacks (extensions, roles, sequences, settings),
#     and run the drill again.
#   docs: docs/restore-proofs.md#rp-011
findings contains finding if {
	some store in input.stores
	proof := latest(store)
	some check in proof.smoke
	not check.passed
	finding := {
		"rule": "RP-011",
		"message": sprintf(
			"in the latest restore drill, smoke check %s failed: %s",
			[check.name, smoke_detail(check)],
		),
		"proof": proof.id,
		"path": ["smoke", check.index, "passed"],
	}
}

smoke_detail(check) := check.detail if is_string(check.detail)

else := "no detail recorded"
