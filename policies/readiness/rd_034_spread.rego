package resilience.readiness

# METADATA
# scope: rule
# title: A tier 0 workload does not spread its pods
# description: |
#   The most critical services (tier 0) must spread their pods over nodes or zones
#   (`topologySpreadConstraints`) or keep them apart (`podAntiAffinity`): replicas on one node fail
#   together.
# custom:
#   id: RD-034
#   severity: block
#   remediation: |
#     Add topologySpreadConstraints over topology.kubernetes.io/zone and kubernetes.io/hostname.
#   docs: docs/readiness.md#rd-034
findings contains finding if {
	some workload in critical_service_workloads
	workload_tier(workload) == 0
	not workload.spread
	finding := {
		"rule": "RD-034",
		"severity": severity(0),
		"message": sprintf(
			"%s %s (tier 0 service %s) has neither topologySpreadConstraints nor podAntiAffinity",
			[workload.kind, workload.name, workload.service],
		),
		"place": workload.spread_place,
	}
}
