package resilience.chaos_readiness

# METADATA
# title: A chaos result was run against a service version the gate does not accept
# description: |
#   The gate's `acceptVersions` lists the versions of the service whose results count, and the newest
#   signed result of this slot was run against another one (or names no version). What an old version
#   did under a fault says little about the one being shipped. It is not counted.
# custom:
#   id: CR-008
#   severity: block
#   remediation: |
#     Run the experiment against an accepted version (`versions:` in .resilience/chaos.yaml, or the
#     deployed image on Kubernetes), or add the version to acceptVersions if it is the one you ship.
#   docs: docs/chaos.md#cr-008
findings contains finding if {
	some service in required_services
	service.accept_versions != null
	some slot in array.concat(service.dependencies, [""])
	some result in input.results
	trusted(result)
	in_slot(result, service, slot)
	not version_accepted(result, service)
	not superseded(result, service, slot)
	finding := {
		"rule": "CR-008",
		"message": sprintf(
			"chaos result %s (%s of %s) was run against version %s; the gate accepts %s",
			[result.file, slot_text(slot), service.name, version_text(result), concat(", ", service.accept_versions)],
		),
		"result": result.id,
		"path": ["serviceVersion"],
	}
}

# An accepted result at least as new exists: the other one is history.
superseded(result, service, slot) if latest(service, slot).finished >= result.finished

version_text(result) := result.service_version if is_string(result.service_version)

else := "(none recorded)"
