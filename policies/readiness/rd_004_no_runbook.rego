package resilience.readiness

# METADATA
# scope: rule
# title: A service has no runbook, or its runbook file does not exist
# description: |
#   The catalog points at no runbook for the service (`runbooks:`), or a runbook it names is not a file
#   of the repository: the on-call has nothing to follow.
# custom:
#   id: RD-004
#   severity: block
#   remediation: |
#     Write the runbook (Markdown, with the sections its tier requires) and list its path under the
#     service's `runbooks:` in the catalog.
#   docs: docs/readiness.md#rd-004
findings contains finding if {
	some service in input.services
	count(service.runbooks) == 0
	finding := {
		"rule": "RD-004",
		"severity": severity(service.tier),
		"message": sprintf(
			"service %s (tier %d) lists no `runbooks` in %s",
			[service.name, service.tier, input.catalog],
		),
		"place": service.place,
	}
}

findings contains finding if {
	some runbook in input.runbooks
	not runbook.exists
	finding := {
		"rule": "RD-004",
		"severity": severity(runbook.tier),
		"message": sprintf("runbook %s of service %s: %s", [runbook.path, runbook.service, runbook.missing]),
		"place": runbook.place,
	}
}
