package resilience.chaos_readiness

# METADATA
# scope: rule
# title: A chaos result names a service or dependency the catalog does not have
# description: |
#   The result is about a service that is not in the catalog, or about a dependency the catalog does
#   not declare for its service. It counts for nothing; usually a service or dependency was renamed.
# custom:
#   id: CR-013
#   severity: warn
#   remediation: |
#     Fix the catalog (add the service or the dependency) or the experiment's `service:`/`dependency:`,
#     then run the experiment again; remove results of services that are gone.
#   docs: docs/chaos.md#cr-013
findings contains finding if {
	some result in input.results
	result.signature == "valid"
	not result.service_known
	finding := {
		"rule": "CR-013",
		"message": sprintf(
			"chaos result %s is about service %s, which is not in %s",
			[result.file, result.service, input.catalog],
		),
		"result": result.id,
		"path": ["service"],
	}
}

findings contains finding if {
	some result in input.results
	result.signature == "valid"
	result.service_known
	not result.dependency_declared
	finding := {
		"rule": "CR-013",
		"message": sprintf(
			"chaos result %s is about dependency %s, which %s does not declare for service %s",
			[result.file, result.dependency, input.catalog, result.service],
		),
		"result": result.id,
		"path": ["dependency"],
	}
}
