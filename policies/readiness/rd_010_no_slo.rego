package resilience.readiness

# METADATA
# scope: rule
# title: A tier 0/1 service has no SLO
# description: |
#   Critical services need a service level objective (in the slo gate's file, `spec.service` naming the
#   service): without one there is no error budget, no burn-rate alert and no way to tell an outage
#   from a bad day.
# custom:
#   id: RD-010
#   severity: block
#   remediation: |
#     Add a `kind: SLO` document for the service to the SLO file (docs/slo.md).
#   docs: docs/readiness.md#rd-010
findings contains finding if {
	some service in input.services
	critical(service.tier)
	not service_has_slo(service.name)
	finding := {
		"rule": "RD-010",
		"severity": severity(service.tier),
		"message": sprintf(
			"tier %d service %s has no SLO (no `spec.service: %s` in the SLO file)",
			[service.tier, service.name, service.name],
		),
		"place": service.place,
	}
}

service_has_slo(name) if {
	some slo in input.slos
	slo.service == name
}
