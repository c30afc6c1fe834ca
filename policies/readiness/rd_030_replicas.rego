package resilience.readiness

# METADATA
# scope: rule
# title: A tier 0/1 workload runs a single replica
# description: |
#   A workload of a critical service needs at least two replicas (spec.replicas, or an HPA whose
#   minReplicas is 2 or more): with one, every node drain, eviction or crash is an outage.
# custom:
#   id: RD-030
#   severity: block
#   remediation: |
#     Set `replicas: 2` or more (or an HPA with `minReplicas: 2` or more).
#   docs: docs/readiness.md#rd-030
findings contains finding if {
	some workload in critical_service_workloads
	workload.replicas != null
	max([workload.replicas, hpa_min(workload)]) < 2
	finding := {
		"rule": "RD-030",
		"severity": severity(workload_tier(workload)),
		"message": sprintf(
			"%s %s (service %s, tier %d) runs %d replica and no HPA keeps 2 or more",
			[workload.kind, workload.name, workload.service, workload_tier(workload), workload.replicas],
		),
		"place": workload.replicas_place,
	}
}

hpa_min(workload) := workload.hpa.min if workload.hpa != null

else := 0
