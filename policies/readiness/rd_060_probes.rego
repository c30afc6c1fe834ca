package resilience.readiness

# METADATA
# scope: rule
# title: A container of a service has no readiness or liveness probe
# description: |
#   Without a readiness probe a pod gets traffic before it can serve and keeps it while it cannot; without
#   a liveness probe a wedged process is never restarted. The security-context gate warns about probes
#   for every workload; here they are judged by the service's tier.
# custom:
#   id: RD-060
#   severity: block
#   remediation: |
#     Add `readinessProbe` (the app's readiness endpoint) and `livenessProbe` (its liveness endpoint) to the container.
#   docs: docs/readiness.md#rd-060
findings contains finding if {
	some workload in service_workloads
	some container in workload.containers
	some probe in ["readiness", "liveness"]
	not container[sprintf("%s_probe", [probe])]
	finding := {
		"rule": "RD-060",
		"severity": severity(workload_tier(workload)),
		"message": sprintf(
			"container %s of %s %s (service %s, tier %d) has no %sProbe",
			[container.name, workload.kind, workload.name, workload.service, workload_tier(workload), probe],
		),
		"place": container.place,
	}
}
