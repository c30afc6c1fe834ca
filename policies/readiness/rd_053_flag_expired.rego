package resilience.readiness

# METADATA
# scope: rule
# title: A feature flag has expired, or has no expiry date
# description: |
#   A feature flag is temporary code with a date to be gone (`expires`). Past that date (or without one)
#   it is a permanent branch nobody tests both ways: remove it, or set a new date with a reason.
# custom:
#   id: RD-053
#   severity: block
#   remediation: Remove the flag and its dead branch, or set a new `expires` date.
#   docs: docs/readiness.md#rd-053
findings contains finding if {
	some flag in input.flags
	flag.expires == null
	finding := {
		"rule": "RD-053",
		"message": sprintf("feature flag %s has no `expires` date", [flag.name]),
		"place": flag.place,
	}
}

findings contains finding if {
	some flag in input.flags
	is_number(flag.expires_epoch)
	input.now >= flag.expires_epoch + 86400
	finding := {
		"rule": "RD-053",
		"message": sprintf(
			"feature flag %s expired on %s (%d days ago)",
			[flag.name, flag.expires, days(input.now - flag.expires_epoch)],
		),
		"place": flag.expires_place,
	}
}
