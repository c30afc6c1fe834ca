package resilience.readiness

# METADATA
# scope: rule
# title: A burn-rate alert does not deep-link to its service's runbook
# description: |
#   An alert labelled with an `slo` must carry a `runbook_url` annotation that resolves to one of the
#   runbooks the catalog lists for the SLO's service (a repository path, or a URL under the gate's
#   `runbookBaseUrl`), and its `#anchor`, when given, must be a heading of that runbook. The page then
#   opens on the steps, not on a search.
# custom:
#   id: RD-012
#   severity: block
#   remediation: |
#     Set `annotations.runbook_url` to the runbook's URL with the anchor of its mitigation section,
#     and list the runbook under the service's `runbooks:` in the catalog.
#   docs: docs/readiness.md#rd-012
findings contains finding if {
	some alert in input.alerts
	alert.runbook_url == null
	slo := slo_by_name[alert.slo]
	finding := {
		"rule": "RD-012",
		"severity": severity(service_by_name[slo.service].tier),
		"message": sprintf("alert %s (SLO %s) has no runbook_url annotation", [alert.name, slo.name]),
		"place": alert.runbook_place,
	}
}

findings contains finding if {
	some alert in input.alerts
	alert.runbook.problem != null
	slo := slo_by_name[alert.slo]
	finding := {
		"rule": "RD-012",
		"severity": severity(service_by_name[slo.service].tier),
		"message": sprintf(
			"alert %s: runbook_url %s does not resolve: %s",
			[alert.name, alert.runbook_url, alert.runbook.problem],
		),
		"place": alert.runbook_place,
	}
}

findings contains finding if {
	some alert in input.alerts
	alert.runbook.problem == null
	slo := slo_by_name[alert.slo]
	not service_runbook(slo.service, alert.runbook.file)
	finding := {
		"rule": "RD-012",
		"severity": severity(service_by_name[slo.service].tier),
		"message": sprintf(
			"alert %s: runbook_url points at %s, which is not a runbook of service %s in %s",
			[alert.name, alert.runbook.file, slo.service, input.catalog],
		),
		"place": alert.runbook_place,
	}
}

findings contains finding if {
	some alert in input.alerts
	alert.runbook.anchor != null
	slo := slo_by_name[alert.slo]
	runbook := service_runbook(slo.service, alert.runbook.file)
	not alert.runbook.anchor in runbook.slugs
	finding := {
		"rule": "RD-012",
		"severity": severity(service_by_name[slo.service].tier),
		"message": sprintf(
			"alert %s: runbook %s has no heading #%s (its anchors: %s)",
			[alert.name, runbook.file, alert.runbook.anchor, concat(", ", runbook.slugs)],
		),
		"place": alert.runbook_place,
	}
}

service_runbook(name, file) := runbook if {
	some runbook in input.runbooks
	runbook.service == name
	runbook.exists
	runbook.file == file
}
