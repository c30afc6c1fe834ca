package resilience.readiness

# METADATA
# scope: rule
# title: A runbook was not reviewed within its tier's cadence
# description: |
#   A runbook must say when it was last reviewed (a line `Last reviewed: YYYY-MM-DD`), and that date must
#   be within the service's tier cadence (90 days for tier 0/1 by default). A runbook nobody has read
#   since the system changed misleads the on-call.
# custom:
#   id: RD-006
#   severity: block
#   remediation: |
#     Walk through the runbook against the running system, fix what changed, and update its
#     `Last reviewed:` line.
#   docs: docs/readiness.md#rd-006
findings contains finding if {
	some runbook in input.runbooks
	runbook.exists
	runbook.reviewed == null
	finding := {
		"rule": "RD-006",
		"severity": severity(runbook.tier),
		"message": sprintf(
			"runbook %s (service %s) has no `Last reviewed: YYYY-MM-DD` line",
			[runbook.file, runbook.service],
		),
		"place": runbook.title_place,
	}
}

findings contains finding if {
	some runbook in input.runbooks
	runbook.reviewed != null
	runbook.reviewed.epoch == null
	finding := {
		"rule": "RD-006",
		"severity": severity(runbook.tier),
		"message": sprintf(
			"runbook %s: `Last reviewed: %s` is not a calendar date",
			[runbook.file, runbook.reviewed.date],
		),
		"place": runbook.reviewed.place,
	}
}

findings contains finding if {
	some runbook in input.runbooks
	is_number(runbook.reviewed.epoch)
	limit := tier_settings(runbook.tier).review_every_seconds
	input.now - runbook.reviewed.epoch > limit
	finding := {
		"rule": "RD-006",
		"severity": severity(runbook.tier),
		"message": sprintf(
			"runbook %s (service %s, tier %d) was last reviewed %s, %d days ago; the tier asks for a review every %d days",
			[
				runbook.file,
				runbook.service,
				runbook.tier,
				runbook.reviewed.date,
				days(input.now - runbook.reviewed.epoch),
				days(limit),
			],
		),
		"place": runbook.reviewed.place,
	}
}
