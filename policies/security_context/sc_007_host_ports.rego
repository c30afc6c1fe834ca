package resilience.security_context

# METADATA
# title: Container port bound to a host port
# description: |
#   Pod Security "baseline" forbids ports[*].hostPort other than 0 on every container, init container and
#   ephemeral container. A host port exposes the container on the node's own address, bypassing
#   Services and NetworkPolicies, and pins the pod to nodes where the port is free. In a pod with
#   hostNetwork: true the API server sets every container and init container port's hostPort to its
#   containerPort when it is unset or 0 (SetDefaults_Pod), so those ports are host ports too.
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
	some violation in host_port_violations(pod_spec(workload))
	finding := {
		"rule": "SC-007",
		"message": violation.message,
		"workload": workload.id,
		"path": violation.path,
	}
}

host_port_violations(spec) := array.concat(
	[violation |
		some c in containers(spec)
		some i, port in array_or_empty(c.container, "ports")
		has_value(port, "hostPort")
		port.hostPort != 0
		violation := {
			"message": sprintf("%s binds host port %s", [c.label, value_text(port.hostPort)]),
			"path": array.concat(c.path, ["ports", i, "hostPort"]),
		}
	],
	# With hostNetwork, the API server defaults an unset or 0 hostPort to the containerPort
	# (containers and init containers; ephemeral containers are not defaulted).
	[violation |
		spec.hostNetwork == true
		some c in containers(spec)
		c.key != "ephemeralContainers"
		some i, port in array_or_empty(c.container, "ports")
		value_or(port, "hostPort", 0) == 0
		container_port := value_or(port, "containerPort", 0)
		container_port != 0
		violation := {
			"message": sprintf(
				"%s binds host port %s: with hostNetwork: true the API server sets hostPort to the containerPort",
				[c.label, value_text(container_port)],
			),
			"path": array.concat(c.path, ["ports", i, "containerPort"]),
		}
	],
)
