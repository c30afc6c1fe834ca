package resilience.readiness

# METADATA
# scope: rule
# title: A tier 0/1 workload has no PodDisruptionBudget
# description: |
#   No PodDisruptionBudget selects the pods of a critical service's workload, so a node drain or a
#   cluster upgrade may evict all of them at once.
# custom:
#   id: RD-031
#   severity: block
#   remediation: |
#     Add a PodDisruptionBudget whose selector matches the pod template's labels (for example `maxUnavailable: 1`).
#   docs: docs/readiness.md#rd-031
findings contains finding if {
	some workload in critical_service_workloads
	count(workload.pdbs) == 0
	finding := {
		"rule": "RD-031",
		"severity": severity(workload_tier(workload)),
		"message": sprintf(
			"no PodDisruptionBudget selects the pods of %s %s (service %s, tier %d)",
			[workload.kind, workload.name, workload.service, workload_tier(workload)],
		),
		"place": workload.place,
	}
}
