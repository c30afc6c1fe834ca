package resilience.readiness

# METADATA
# scope: rule
# title: A dependency of a tier 0/1 service has no kill switch
# description: |
#   Every dependency a critical service lists (`dependencies:` in the catalog) needs a kill switch in the
#   registry (.resilience/kill-switches.yaml): a way to make the service degrade on purpose (serve from
#   cache, queue, fail open, answer 503 at once) when that dependency is down or slow, instead of failing
#   with it.
# custom:
#   id: RD-050
#   severity: block
#   remediation: |
#     Add a switch with `service`, `dependency`, `owner` and `degraded` (what the service does with it
#     on) to the kill-switch registry, and test it.
#   docs: docs/readiness.md#rd-050
findings contains finding if {
	some service in input.services
	critical(service.tier)
	some dependency in service.dependencies
	not has_switch(service.name, dependency)
	finding := {
		"rule": "RD-050",
		"severity": severity(service.tier),
		"message": sprintf(
			"tier %d service %s has no kill switch for its dependency %s in %s",
			[service.tier, service.name, dependency, registry_name],
		),
		"place": service.place,
	}
}

has_switch(service, dependency) if {
	some switch in input.kill_switches
	switch.service == service
	switch.dependency == dependency
}

default registry_name := "the kill-switch registry (there is none: .resilience/kill-switches.yaml)"

registry_name := input.kill_switch_registry if input.kill_switch_registry != null
