package resilience.security_context

# METADATA
# title: Container may run as root
# description: |
#   Pod Security "restricted" requires runAsNonRoot: true for every container, init container and
#   ephemeral container, set on the container or inherited from spec.securityContext. The pod must not
#   set it to false, and a container that sets false violates even when the pod says true. With
#   runAsNonRoot the kubelet refuses to start an image whose user is root (UID 0). Pods with
#   hostUsers: false run in a user namespace, where root is not the node's root, and are exempt, as
#   upstream exempts them (policy v1.35+).
# custom:
#   id: SC-016
#   severity: block
#   remediation: |
#     Set it once for the pod (and remove any container-level `runAsNonRoot: false`):
#     ```yaml
#     spec:
#       securityContext:
#         runAsNonRoot: true
#     ```
#   docs: https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
findings contains finding if {
	some workload in input.workloads
	restricted_checked(workload)
	spec := pod_spec(workload)
	not user_namespace_relaxed(workload, spec)
	some violation in run_as_non_root_violations(spec)
	finding := {
		"rule": "SC-016",
		"message": violation.message,
		"workload": workload.id,
		"path": array.concat(violation.path, ["runAsNonRoot"]),
	}
}

run_as_non_root_violations(spec) := array.concat(
	[violation |
		# pod or container explicitly set a value other than true
		some setter in pod_and_container_contexts(spec)
		has_value(setter.security_context, "runAsNonRoot")
		setter.security_context.runAsNonRoot != true
		violation := {
			"message": sprintf(
				"%s sets securityContext.runAsNonRoot to %s; it must be true",
				[setter.label, value_text(setter.security_context.runAsNonRoot)],
			),
			"path": setter.path,
		}
	],
	[violation |
		# a container that does not set it inherits the pod's; when the pod sets false, the
		# violation above already points at the pod level
		not has_value(pod_security_context(spec), "runAsNonRoot")
		some c in containers(spec)
		not has_value(c.security_context, "runAsNonRoot")
		violation := {
			"message": sprintf(
				"%s may run as root: neither it nor the pod sets securityContext.runAsNonRoot: true",
				[c.label],
			),
			"path": array.concat(c.path, ["securityContext"]),
		}
	],
)
