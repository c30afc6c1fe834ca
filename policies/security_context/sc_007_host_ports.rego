package resilience.security_context

# METADATA
# title: Container port bound to a host port
# description: |
#   Pod Security "baseline" forbids ports[*].hostPort other than 0 on every container, init container and
#   ephemeral container. A host port exposes the container on the node's own address, bypassing
#   Services and NetworkPolicies, and pins the pod to nodes where the port is free.
# custom:
#   id: SC-007
#   severity: block
#   remediation: |
#     Remove `hostPort` from the port and expose the container through a Service instead:
#     ```yaml
#     ports:
#       - containerPort: 8080
#     ```
#   docs: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
findings contains finding if {
	some workload in input.workloads
	baseline_checked(workload)
	some c in containers(pod_spec(workload))
	some i, port in array_or_empty(c.container, "ports")
	has_value(port, "hostPort")
	port.hostPort != 0
	finding := {
		"rule": "SC-007",
		"message": sprintf("%s binds host port %s", [c.label, value_text(port.hostPort)]),
		"workload": workload.id,
		"path": array.concat(c.path, ["ports", i, "hostPort"]),
	}
}
