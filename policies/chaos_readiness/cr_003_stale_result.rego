package resilience.chaos_readiness

# METADATA
# title: The newest chaos result of a slot is older than the tier's cadence
# description: |
#   The newest valid result for a dependency or for pod loss finished longer ago than the service's tier
#   allows between experiments (quarterly, 90 days, for tiers 0 and 1 unless `cadence` says otherwise).
#   Services, their timeouts and their dependencies change; an old experiment proves an old system.
# custom:
#   id: CR-003
#   severity: block
#   remediation: |
#     Run the experiment again (`resilience-gates chaos run --experiment NAME`); schedule it well inside
#     the cadence.
#   docs: docs/chaos.md#cr-003
findings contains finding if {
	some [service, slot, result] in latest_results
	age := input.now - result.finished
	age > service.cadence_seconds
	finding := {
		"rule": "CR-003",
		"message": sprintf(
			"the newest %s experiment of %s (%s) finished %s ago, longer than its %s",
			[slot_text(slot), service_text(service), result.experiment, span(age), cadence_text(service)],
		),
		"result": result.id,
		"path": ["times", "finishedAt"],
	}
}

cadence_text(service) := sprintf("cadence %s (configured)", [service.cadence_text]) if service.cadence_configured

else := sprintf("tier %s cadence %s", [format_int(service.tier, 10), service.cadence_text])
