package resilience.security_context

# METADATA
# title: Unmasked /proc mount
# description: |
#   Pod Security requires securityContext.procMount to be unset or Default on every container, init
#   container and ephemeral container. The default mask hides /proc paths that leak node information or
#   allow writes to the kernel; Unmasked removes it. This rule applies the "restricted" check
#   (procMount_restricted), which keeps the ban even for pods with hostUsers: false that "baseline"
#   relaxes since policy v1.35.
# custom:
#   id: SC-010
#   severity: block
#   remediation: |
#     Remove `procMount` from the container's securityContext, or set it to Default:
#     ```yaml
#     securityContext:
#       procMount: Default
#     ```
#   docs: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
findings contains finding if {
	some workload in input.workloads
	baseline_checked(workload)
	spec := pod_spec(workload)
	not proc_mount_relaxed(workload, spec)
	some c in containers(spec)
	has_value(c.security_context, "procMount")
	c.security_context.procMount != "Default"
	finding := {
		"rule": "SC-010",
		"message": sprintf(
			"%s sets securityContext.procMount to %s; only Default is allowed",
			[c.label, value_text(c.security_context.procMount)],
		),
		"workload": workload.id,
		"path": array.concat(c.path, ["securityContext", "procMount"]),
	}
}

# Baseline admits any procMount in a user namespace from policy v1.35; restricted (whose procMount
# check replaces baseline's there) never does.
proc_mount_relaxed(workload, spec) if {
	not restricted_checked(workload)
	user_namespace_relaxed(workload, spec)
}
