package resilience.chaos_readiness

# METADATA
# title: A tier 0/1 service has no valid pod-loss chaos result
# description: |
#   No experiment that kills a replica of the service (`podLoss: true`: delete a pod, or kill the
#   process) has a result that counts. Losing a replica is the most common failure there is; until it is
#   tried, nobody knows whether the others absorb the load and the lost one comes back.
# custom:
#   id: CR-002
#   severity: block
#   remediation: |
#     Declare a pod-loss experiment for the service in .resilience/chaos.yaml (`podLoss: true`, fault
#     `delete-pod` on Kubernetes or `kill-process` locally), run it with `resilience-gates chaos run` and
#     keep the signed result where the gate reads results.
#   docs: docs/chaos.md#cr-002
findings contains finding if {
	some service in required_services
	not latest(service, "")
	finding := {
		"rule": "CR-002",
		"message": sprintf(
			"%s has no valid pod-loss chaos result: %s",
			[service_text(service), missing_detail(service, "")],
		),
		"service": service.id,
	}
}
