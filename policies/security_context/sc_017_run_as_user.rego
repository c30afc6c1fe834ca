package resilience.security_context

# METADATA
# title: Runs as user 0 (root)
# description: |
#   Pod Security "restricted" forbids runAsUser: 0 in spec.securityContext and in the securityContext of
#   every container, init container and ephemeral container. UID 0 is root: with a container escape it
#   is root on the node. Unset is allowed (runAsNonRoot covers the image's user). Pods with
#   hostUsers: false run in a user namespace, where UID 0 maps to an unprivileged node user, and are
#   exempt, as upstream exempts them (policy v1.35+).
# custom:
#   id: SC-017
#   severity: block
#   remediation: |
#     Run as a non-zero UID that the image supports:
#     ```yaml
#     securityContext:
#       runAsUser: 10001
#     ```
#   docs: https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
findings contains finding if {
	some workload in input.workloads
	restricted_checked(workload)
	spec := pod_spec(workload)
	not user_namespace_relaxed(workload, spec)
	some setter in pod_and_container_contexts(spec)
	setter.security_context.runAsUser == 0
	finding := {
		"rule": "SC-017",
		"message": sprintf("%s sets securityContext.runAsUser: 0 (root)", [setter.label]),
		"workload": workload.id,
		"path": array.concat(setter.path, ["runAsUser"]),
	}
}
