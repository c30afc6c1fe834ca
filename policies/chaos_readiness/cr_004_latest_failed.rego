package resilience.chaos_readiness

# METADATA
# title: The newest chaos result of a slot failed or was aborted
# description: |
#   The newest valid experiment for a dependency or for pod loss did not pass: the steady state broke
#   beyond the abort limit, an undo failed, the service did not recover, or the run broke off. An older
#   passing result does not help: the newest one is what the system does today. A failure that is an
#   SLO missed is reported as CR-009, a degradation not observed as CR-010, instead.
# custom:
#   id: CR-004
#   severity: block
#   remediation: |
#     Read the result's `failures`, fix the service (timeouts, fallbacks, replicas) or the experiment,
#     and run it again until it passes.
#   docs: docs/chaos.md#cr-004
findings contains finding if {
	some [service, slot, result] in latest_results
	result.result != "passed"
	not explained(result)
	finding := {
		"rule": "CR-004",
		"message": sprintf(
			"the newest %s experiment of %s (%s) %s: %s",
			[slot_text(slot), service_text(service), result.experiment, result.result, failure_text(result)],
		),
		"result": result.id,
		"path": ["result"],
	}
}

# A failed result whose failure CR-009 (an SLO missed) or CR-010 (a degradation not observed) names
# already; an aborted one is always reported here, since the abort is the news.
explained(result) if {
	result.result == "failed"
	some sli in result.slis
	sli.required
	not sli.met
}

explained(result) if {
	result.result == "failed"
	some expectation in result.expectations
	not expectation.observed
}

failure_text(result) := concat("; ", array.slice(result.failures, 0, 3)) if count(result.failures) > 0

else := "it lists no failure"
