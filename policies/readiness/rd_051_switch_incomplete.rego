package resilience.readiness

# METADATA
# scope: rule
# title: A kill switch has no owner or no degraded behaviour
# description: |
#   A kill switch needs an owner (who may flip it, who answers for it) and the degraded behaviour it
#   selects (`degraded`): during an incident nobody has time to find out what a switch does.
# custom:
#   id: RD-051
#   severity: block
#   remediation: Add `owner` and `degraded` to the switch in the registry.
#   docs: docs/readiness.md#rd-051
findings contains finding if {
	some switch in input.kill_switches
	some field in ["owner", "degraded"]
	switch[field] == null
	finding := {
		"rule": "RD-051",
		"severity": switch_severity(switch),
		"message": sprintf(
			"kill switch %s (%s -> %s) has no `%s`",
			[switch.name, switch.service, switch.dependency, field],
		),
		"place": switch.place,
	}
}

switch_severity(switch) := severity(service_by_name[switch.service].tier) if service_by_name[switch.service]

else := "block"
