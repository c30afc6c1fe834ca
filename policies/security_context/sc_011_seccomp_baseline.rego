package resilience.security_context

# METADATA
# title: Seccomp profile disabled or unknown
# description: |
#   Pod Security "baseline" forbids a securityContext.seccompProfile whose type is anything but
#   RuntimeDefault or Localhost, at pod level and on every container kind. Unconfined lets a process call
#   every system call of the node's kernel, the widest attack surface a container has. A seccompProfile
#   without a type is rejected as well.
# custom:
#   id: SC-011
#   severity: block
#   remediation: |
#     Use the runtime's default profile (or a Localhost profile) instead of Unconfined:
#     ```yaml
#     securityContext:
#       seccompProfile:
#         type: RuntimeDefault
#     ```
#   docs: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
findings contains finding if {
	some workload in input.workloads
	baseline_checked(workload)
	spec := pod_spec(workload)
	not overridden_at_restricted(workload, spec)
	some setter in pod_and_container_contexts(spec)
	has_value(setter.security_context, "seccompProfile")
	type := seccomp_type(setter.security_context)
	not type in seccomp_allowed_types
	finding := {
		"rule": "SC-011",
		"message": sprintf(
			"%s sets securityContext.seccompProfile.type to %s; only RuntimeDefault or Localhost are allowed",
			[setter.label, value_text(type)],
		),
		"workload": workload.id,
		"path": array.concat(setter.path, ["seccompProfile", "type"]),
	}
}

seccomp_allowed_types := {"RuntimeDefault", "Localhost"}

# seccomp_type is the profile type a securityContext sets ("" when the profile has none).
seccomp_type(security_context) := type if {
	type := object_or_empty(security_context, "seccompProfile").type
	type != null
} else := ""
