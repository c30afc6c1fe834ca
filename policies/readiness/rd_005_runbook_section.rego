package resilience.readiness

# METADATA
# scope: rule
# title: A runbook lacks a section its tier requires
# description: |
#   Each runbook of a service must have a heading for every section the service's tier requires
#   (tier 0/1 by default: symptoms, diagnosis, mitigation, rollback, incident roles, escalation). A
#   heading counts for a section when its text contains the section's words, case-insensitively.
# custom:
#   id: RD-005
#   severity: block
#   remediation: |
#     Add a heading for the section (for example `## Incident roles and escalation`) with the steps
#     under it, or change the tier's `runbookSections` in the gate's options.
#   docs: docs/readiness.md#rd-005
findings contains finding if {
	some runbook in input.runbooks
	runbook.exists
	some section in tier_settings(runbook.tier).runbook_sections
	not has_section(runbook, section)
	finding := {
		"rule": "RD-005",
		"severity": severity(runbook.tier),
		"message": sprintf(
			"runbook %s (service %s, tier %d) has no \"%s\" section among its headings",
			[runbook.file, runbook.service, runbook.tier, section],
		),
		"place": runbook.title_place,
	}
}

has_section(runbook, section) if {
	some heading in runbook.headings
	contains(heading, section)
}
