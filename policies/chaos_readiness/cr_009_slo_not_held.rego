package resilience.chaos_readiness

# METADATA
# title: The SLO did not hold in the newest chaos result of a slot
# description: |
#   In the newest valid experiment for a dependency or for pod loss, an SLO objective the experiment
#   holds the service to was missed (before the fault, while it lasted, or after recovery). The service
#   does not survive that failure within its objectives.
# custom:
#   id: CR-009
#   severity: block
#   remediation: |
#     Make the service degrade within its SLO (timeouts below the caller's budget, a fallback or cache,
#     failing open where that is safe, enough replicas), then run the experiment again.
#   docs: docs/chaos.md#cr-009
findings contains finding if {
	some [service, slot, result] in latest_results
	some sli in result.slis
	sli.required
	not sli.met
	finding := {
		"rule": "CR-009",
		"message": sprintf(
			"the newest %s experiment of %s (%s) missed SLO %s objective %s %s the fault: %s",
			[
				slot_text(slot),
				service_text(service),
				result.experiment,
				sli.slo,
				format_int(sli.objective, 10),
				phase_word[sli.phase],
				sli.text,
			],
		),
		"result": result.id,
		"path": ["slis", sli.index, "met"],
	}
}
