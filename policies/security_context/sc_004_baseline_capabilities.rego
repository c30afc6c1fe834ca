package resilience.security_context

# METADATA
# title: Capability added beyond the baseline set
# description: |
#   Pod Security "baseline" allows securityContext.capabilities.add to name only the container runtime's
#   default capabilities: AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE,
#   SETFCAP, SETGID, SETPCAP, SETUID and SYS_CHROOT. Anything else (SYS_ADMIN, NET_ADMIN, NET_RAW, ...)
#   hands the container kernel powers that defeat its isolation. Every container kind is checked.
# custom:
#   id: SC-004
#   severity: block
#   remediation: |
#     Remove the capability from `securityContext.capabilities.add` (restricted allows only
#     NET_BIND_SERVICE there):
#     ```yaml
#     securityContext:
#       capabilities:
#         drop: ["ALL"]
#         add: ["NET_BIND_SERVICE"]   # only if the process binds a port below 1024
#     ```
#   docs: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
findings contains finding if {
	some workload in input.workloads
	baseline_checked(workload)
	spec := pod_spec(workload)
	not overridden_at_restricted(workload, spec)
	some c in containers(spec)
	some i, capability in array_or_empty(object_or_empty(c.security_context, "capabilities"), "add")
	not capability in baseline_capabilities
	finding := {
		"rule": "SC-004",
		"message": sprintf(
			"%s adds capability %s, which is not in the baseline default set",
			[c.label, value_text(capability)],
		),
		"workload": workload.id,
		"path": array.concat(c.path, ["securityContext", "capabilities", "add", i]),
	}
}

baseline_capabilities := {
	"AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
	"NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
}
