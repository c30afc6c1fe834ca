package resilience.readiness

# METADATA
# scope: rule
# title: A runbook's relative link does not resolve
# description: |
#   A link in a runbook to a file of the repository (or to a heading, `#anchor`) points at nothing: a
#   renamed file, a moved dashboard definition, a heading that was reworded. Links that leave the
#   repository count as broken too.
# custom:
#   id: RD-007
#   severity: warn
#   remediation: |
#     Fix the link's path or anchor, or remove the link.
#   docs: docs/readiness.md#rd-007
findings contains finding if {
	some runbook in input.runbooks
	some link in runbook.links
	link.problem != null
	finding := {
		"rule": "RD-007",
		"message": sprintf("runbook %s links to %s: %s", [runbook.file, link.target, link.problem]),
		"place": link.place,
	}
}
