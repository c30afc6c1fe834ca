package resilience.security_context

# METADATA
# title: hostPath volume
# description: |
#   Pod Security "baseline" forbids hostPath volumes. A hostPath volume mounts a file or directory of the
#   node into the pod: the container can read the node's secrets and logs, or write where the node
#   trusts the content (the container runtime socket, kubelet configuration).
# custom:
#   id: SC-006
#   severity: block
#   remediation: |
#     Replace the hostPath volume with a persistentVolumeClaim, a configMap/secret, or an emptyDir:
#     ```yaml
#     volumes:
#       - name: data
#         persistentVolumeClaim:
#           claimName: data
#     ```
#   docs: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
findings contains finding if {
	some workload in input.workloads
	baseline_checked(workload)
	some i, volume in array_or_empty(pod_spec(workload), "volumes")
	has_value(volume, "hostPath")
	name := value_or(volume, "name", "")
	host_path := value_or(object_or_empty(volume, "hostPath"), "path", "")
	finding := {
		"rule": "SC-006",
		"message": sprintf("volume %s mounts the node's path %s (hostPath)", [value_text(name), value_text(host_path)]),
		"workload": workload.id,
		"path": ["spec", "volumes", i, "hostPath"],
	}
}
