package resilience.security_context

# METADATA
# title: Custom SELinux options
# description: |
#   Pod Security "baseline" limits securityContext.seLinuxOptions (pod level and every container kind):
#   type may only be empty, container_t, container_init_t, container_kvm_t or container_engine_t (policy
#   v1.31+), and user and role must not be set. Other SELinux labels can lift the confinement that keeps
#   a container away from the node's and other containers' files.
# custom:
#   id: SC-009
#   severity: block
#   remediation: |
#     Remove the custom `user`, `role` or `type` from seLinuxOptions (keep `level` if you need MCS
#     categories), or use an allowed type:
#     ```yaml
#     securityContext:
#       seLinuxOptions:
#         type: container_t
#     ```
#   docs: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
findings contains finding if {
	some workload in input.workloads
	baseline_checked(workload)
	some setter in pod_and_container_contexts(pod_spec(workload))
	setter.security_context.seLinuxOptions != null
	options := object_or_empty(setter.security_context, "seLinuxOptions")
	some violation in selinux_violations(workload, options)
	finding := {
		"rule": "SC-009",
		"message": sprintf("%s %s", [setter.label, violation.message]),
		"workload": workload.id,
		"path": array.concat(setter.path, ["seLinuxOptions", violation.field]),
	}
}

# The allowed types by policy version: container_engine_t from v1.31.
selinux_allowed_types(workload) := {"", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"} if {
	policy_at_least(workload, 31)
} else := {"", "container_t", "container_init_t", "container_kvm_t"}

selinux_violations(workload, options) := [violation |
	some field in ["type", "user", "role"]
	violation := selinux_violation(workload, field, value_or(options, field, ""))
]

selinux_violation(workload, "type", value) := violation if {
	not value in selinux_allowed_types(workload)
	value != null
	violation := {
		"field": "type",
		"message": sprintf("sets seLinuxOptions.type to %s, which is not an allowed container type", [value_text(value)]),
	}
}

selinux_violation(_, field, value) := violation if {
	field in {"user", "role"}
	not value in {"", null}
	violation := {
		"field": field,
		"message": sprintf("sets seLinuxOptions.%s to %s; it must not be set", [field, value_text(value)]),
	}
}
