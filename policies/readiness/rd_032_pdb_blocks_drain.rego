package resilience.readiness

# METADATA
# scope: rule
# title: A PodDisruptionBudget allows no eviction
# description: |
#   At the workload's replicas (or its HPA's minimum), the budget allows no pod to be evicted
#   (`minAvailable` equal to the replicas, `maxUnavailable: 0`, or a percentage that rounds to it):
#   node drains and cluster upgrades hang until someone deletes the budget by hand.
# custom:
#   id: RD-032
#   severity: block
#   remediation: |
#     Use `maxUnavailable: 1` (or a `minAvailable` below the replica count).
#   docs: docs/readiness.md#rd-032
findings contains finding if {
	some workload in service_workloads
	some pdb in workload.pdbs
	pdb.disruptions_allowed < 1
	finding := {
		"rule": "RD-032",
		"severity": severity(workload_tier(workload)),
		"message": sprintf(
			"PodDisruptionBudget %s (%s) allows no eviction of %s %s at %d replicas: node drains block",
			[pdb.name, pdb.rule, workload.kind, workload.name, max([workload.replicas, hpa_min(workload)])],
		),
		"place": pdb.place,
	}
}
