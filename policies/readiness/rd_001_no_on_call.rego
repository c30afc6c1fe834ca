package resilience.readiness

# METADATA
# scope: rule
# title: A service has no on-call rotation or escalation contact
# description: |
#   The catalog names the service's owning team but neither the on-call rotation that is paged for it
#   (`onCall`) nor an escalation contact (`escalation`): when it breaks at night nobody is reachable.
# custom:
#   id: RD-001
#   severity: block
#   remediation: |
#     Add `onCall:` (the pager schedule) and/or `escalation:` (who to call when the on-call does not
#     answer) to the service in the catalog.
#   docs: docs/readiness.md#rd-001
findings contains finding if {
	some service in input.services
	service.on_call == null
	service.escalation == null
	finding := {
		"rule": "RD-001",
		"severity": severity(service.tier),
		"message": sprintf(
			"service %s (tier %d, owner %s) has neither `onCall` nor `escalation` in %s",
			[service.name, service.tier, service.owner, input.catalog],
		),
		"place": service.place,
	}
}
