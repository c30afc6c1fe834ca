package resilience.readiness

# METADATA
# scope: rule
# title: A kill switch names a service or dependency the catalog does not have
# description: |
#   A switch's `service` must be a catalog service and its `dependency` one of that service's
#   `dependencies:`; otherwise it counts for nothing (a typo, or a dependency that was renamed).
# custom:
#   id: RD-055
#   severity: warn
#   remediation: Fix the switch's service or dependency, or add the dependency to the service in the catalog.
#   docs: docs/readiness.md#rd-055
findings contains finding if {
	some switch in input.kill_switches
	not service_by_name[switch.service]
	finding := {
		"rule": "RD-055",
		"message": sprintf(
			"kill switch %s is for service %s, which is not in %s (known services: %s)",
			[switch.name, switch.service, input.catalog, known_services],
		),
		"place": switch.place,
	}
}

findings contains finding if {
	some switch in input.kill_switches
	service := service_by_name[switch.service]
	not switch.dependency in service.dependencies
	finding := {
		"rule": "RD-055",
		"message": sprintf(
			"kill switch %s is for dependency %s, which service %s does not list (%s)",
			[switch.name, switch.dependency, service.name, concat(", ", service.dependencies)],
		),
		"place": switch.place,
	}
}
