package resilience.security_context

# METADATA
# scope: document
# title: Findings of the security-context gate
# description: |
#   Every rule of the gate adds to this set; the engine evaluates resilience/security_context/findings.
# entrypoint: true

# METADATA
# title: Privileged container
# description: |
#   Pod Security "baseline" forbids securityContext.privileged: true on any container, init container or
#   ephemeral container. A privileged container sees every device of the node and runs without most of
#   the kernel's isolation, so a compromise of it is a compromise of the node.
# custom:
#   id: SC-001
#   severity: block
#   remediation: |
#     Remove `privileged: true` from the container's securityContext, or set it to false:
#     ```yaml
#     securityContext:
#       privileged: false
#     ```
#   docs: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
findings contains finding if {
	some workload in input.workloads
	baseline_checked(workload)
	some c in containers(pod_spec(workload))
	c.security_context.privileged == true
	finding := {
		"rule": "SC-001",
		"message": sprintf("%s sets securityContext.privileged: true", [c.label]),
		"workload": workload.id,
		"path": array.concat(c.path, ["securityContext", "privileged"]),
	}
}
