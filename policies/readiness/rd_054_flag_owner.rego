package resilience.readiness

# METADATA
# scope: rule
# title: A feature flag has no owner
# description: A flag without an owner is never removed.
# custom:
#   id: RD-054
#   severity: block
#   remediation: Add `owner` (the team that removes it) to the flag.
#   docs: docs/readiness.md#rd-054
findings contains finding if {
	some flag in input.flags
	flag.owner == null
	finding := {
		"rule": "RD-054",
		"message": sprintf("feature flag %s has no owner", [flag.name]),
		"place": flag.place,
	}
}
