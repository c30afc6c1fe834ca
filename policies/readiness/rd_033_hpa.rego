package resilience.readiness

# METADATA
# scope: rule
# title: A tier 0/1 workload has no usable HorizontalPodAutoscaler
# description: |
#   A critical service's workload needs an HPA that can scale (maxReplicas above minReplicas) and a
#   scale-down stabilisation window written out (`behavior.scaleDown.stabilizationWindowSeconds`), so
#   that a burst is absorbed and a short dip does not scale away the capacity the next burst needs.
# custom:
#   id: RD-033
#   severity: block
#   remediation: |
#     Add an HPA with maxReplicas > minReplicas and `behavior.scaleDown.stabilizationWindowSeconds` (300 is usual).
#   docs: docs/readiness.md#rd-033
findings contains finding if {
	some workload in critical_service_workloads
	workload.kind != "DaemonSet"
	workload.hpa == null
	finding := {
		"rule": "RD-033",
		"severity": severity(workload_tier(workload)),
		"message": sprintf(
			"no HorizontalPodAutoscaler targets %s %s (service %s, tier %d)",
			[workload.kind, workload.name, workload.service, workload_tier(workload)],
		),
		"place": workload.place,
	}
}

findings contains finding if {
	some workload in critical_service_workloads
	workload.hpa.max <= workload.hpa.min
	finding := {
		"rule": "RD-033",
		"severity": severity(workload_tier(workload)),
		"message": sprintf(
			"HorizontalPodAutoscaler %s cannot scale: maxReplicas %d is not above minReplicas %d",
			[workload.hpa.name, workload.hpa.max, workload.hpa.min],
		),
		"place": workload.hpa.place,
	}
}

findings contains finding if {
	some workload in critical_service_workloads
	workload.hpa != null
	workload.hpa.stabilization_seconds == null
	finding := {
		"rule": "RD-033",
		"severity": severity(workload_tier(workload)),
		"message": sprintf(
			"HorizontalPodAutoscaler %s sets no behavior.scaleDown.stabilizationWindowSeconds",
			[workload.hpa.name],
		),
		"place": workload.hpa.behavior_place,
	}
}
