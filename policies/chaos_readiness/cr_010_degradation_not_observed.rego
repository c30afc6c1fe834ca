package resilience.chaos_readiness

# METADATA
# scope: rule
# title: The expected degradation was not observed in the newest chaos result of a slot
# description: |
#   The newest valid experiment for a dependency did not show the degraded behaviour it expected (the
#   rate limiter failing open, cached reads answering, the kill switch selecting the fallback, a 503
#   within the budget), or expects none at all. Surviving by luck is not a design: the result must show
#   the fallback engaging.
# custom:
#   id: CR-010
#   severity: block
#   remediation: |
#     Give the experiment its `expect:` list (an endpoint's answers, a counter that must rise, a
#     Prometheus query or recoveryWithin), make the service behave so, and run it again.
#   docs: docs/chaos.md#cr-010
findings contains finding if {
	some [service, slot, result] in latest_results
	some expectation in result.expectations
	not expectation.observed
	finding := {
		"rule": "CR-010",
		"message": sprintf(
			"the newest %s experiment of %s (%s) did not observe \"%s\": %s",
			[slot_text(slot), service_text(service), result.experiment, expectation.description, expectation.detail],
		),
		"result": result.id,
		"path": ["expectations", expectation.index, "observed"],
	}
}

findings contains finding if {
	some [service, slot, result] in latest_results
	slot != ""
	count(result.expectations) == 0
	finding := {
		"rule": "CR-010",
		"message": sprintf(
			"the newest experiment of %s for %s (%s) expects no degraded behaviour, so it cannot show the fallback engaging",
			[service_text(service), slot_text(slot), result.experiment],
		),
		"result": result.id,
		"path": ["expectations"],
	}
}
