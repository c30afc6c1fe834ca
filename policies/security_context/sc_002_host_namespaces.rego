package resilience.security_context

# METADATA
# title: Pod shares a host namespace
# description: |
#   Pod Security "baseline" forbids hostNetwork, hostPID and hostIPC set to true. Sharing the node's
#   network, process or IPC namespace lets the pod see and reach the node's and other pods' traffic,
#   processes and shared memory.
# custom:
#   id: SC-002
#   severity: block
#   remediation: |
#     Remove the field from the pod spec, or set it to false:
#     ```yaml
#     spec:
#       hostNetwork: false
#       hostPID: false
#       hostIPC: false
#     ```
#   docs: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
findings contains finding if {
	some workload in input.workloads
	baseline_checked(workload)
	spec := pod_spec(workload)
	some field in host_namespace_fields
	spec[field] == true
	finding := {
		"rule": "SC-002",
		"message": sprintf("the pod sets %s: true and shares the node's namespace", [field]),
		"workload": workload.id,
		"path": ["spec", field],
	}
}

host_namespace_fields := ["hostNetwork", "hostPID", "hostIPC"]
