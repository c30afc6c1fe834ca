package resilience.readiness

# METADATA
# scope: rule
# title: A tier 0/1 service has no DRI
# description: |
#   Critical services (tier 0 and 1) need a directly responsible individual (`dri`) besides the owning
#   team: one person who decides during an incident and answers for the service's readiness.
# custom:
#   id: RD-002
#   severity: block
#   remediation: |
#     Add `dri:` (a person) to the service in the catalog.
#   docs: docs/readiness.md#rd-002
findings contains finding if {
	some service in input.services
	critical(service.tier)
	service.dri == null
	finding := {
		"rule": "RD-002",
		"severity": severity(service.tier),
		"message": sprintf("tier %d service %s has no `dri` in %s", [service.tier, service.name, input.catalog]),
		"place": service.place,
	}
}
