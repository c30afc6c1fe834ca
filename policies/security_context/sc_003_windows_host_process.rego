package resilience.security_context

# METADATA
# title: Windows HostProcess container
# description: |
#   Pod Security "baseline" forbids securityContext.windowsOptions.hostProcess: true, at pod level and on
#   any container, init container or ephemeral container. A HostProcess container runs directly on the
#   Windows node with the node's privileges, outside any container isolation.
# custom:
#   id: SC-003
#   severity: block
#   remediation: |
#     Remove `hostProcess: true` from the pod's and the containers' securityContext, or set it to false:
#     ```yaml
#     securityContext:
#       windowsOptions:
#         hostProcess: false
#     ```
#   docs: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
findings contains finding if {
	some workload in input.workloads
	baseline_checked(workload)
	some setter in pod_and_container_contexts(pod_spec(workload))
	setter.security_context.windowsOptions.hostProcess == true
	finding := {
		"rule": "SC-003",
		"message": sprintf("%s sets securityContext.windowsOptions.hostProcess: true", [setter.label]),
		"workload": workload.id,
		"path": array.concat(setter.path, ["windowsOptions", "hostProcess"]),
	}
}
