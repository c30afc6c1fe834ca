package resilience.security_context

# METADATA
# title: Seccomp profile not set to RuntimeDefault or Localhost
# description: |
#   Pod Security "restricted" requires every container, init container and ephemeral container to run
#   under a RuntimeDefault or Localhost seccomp profile: either the pod sets one in
#   spec.securityContext.seccompProfile, or each container sets one itself. Without a profile the
#   container runs Unconfined and may call every system call of the node's kernel. A pod or container
#   that sets another type (Unconfined) is reported here too. Pods with spec.os.name: windows are exempt,
#   as upstream exempts them (policy v1.25+).
# custom:
#   id: SC-012
#   severity: block
#   remediation: |
#     Set the profile once for the whole pod (or on each container):
#     ```yaml
#     spec:
#       securityContext:
#         seccompProfile:
#           type: RuntimeDefault
#     ```
#   docs: https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
findings contains finding if {
	some workload in input.workloads
	restricted_checked(workload)
	spec := pod_spec(workload)
	not windows_relaxed(workload, spec)
	some violation in seccomp_restricted_violations(spec)
	finding := {
		"rule": "SC-012",
		"message": violation.message,
		"workload": workload.id,
		"path": violation.path,
	}
}

seccomp_restricted_violations(spec) := array.concat(
	[violation |
		# whoever sets a profile must set an allowed type
		some setter in pod_and_container_contexts(spec)
		has_value(setter.security_context, "seccompProfile")
		type := seccomp_type(setter.security_context)
		not type in seccomp_allowed_types
		violation := {
			"message": sprintf(
				"%s sets securityContext.seccompProfile.type to %s; restricted requires RuntimeDefault or Localhost",
				[setter.label, value_text(type)],
			),
			"path": array.concat(setter.path, ["seccompProfile", "type"]),
		}
	],
	[violation |
		# a container that sets none needs one from the pod; when the pod sets a bad one, the
		# violation above already points at the pod level, where the fix goes
		not has_value(pod_security_context(spec), "seccompProfile")
		some c in containers(spec)
		not has_value(c.security_context, "seccompProfile")
		violation := {
			"message": sprintf(
				"%s has no seccomp profile: neither it nor the pod sets securityContext.seccompProfile.type",
				[c.label],
			),
			"path": array.concat(c.path, ["securityContext", "seccompProfile", "type"]),
		}
	],
)
