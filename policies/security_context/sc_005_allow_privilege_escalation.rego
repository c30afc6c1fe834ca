package resilience.security_context

# METADATA
# title: Privilege escalation is not explicitly disabled
# description: |
#   Pod Security "restricted" requires securityContext.allowPrivilegeEscalation: false on every container,
#   init container and ephemeral container; unset counts as allowed, because the runtime then lets a
#   set-user-ID binary gain more privileges than its parent (no_new_privs is off). Pods with
#   spec.os.name: windows are exempt, as upstream exempts them (policy v1.25+): the field does not exist
#   on Windows.
# custom:
#   id: SC-005
#   severity: block
#   remediation: |
#     Set it explicitly on the container:
#     ```yaml
#     securityContext:
#       allowPrivilegeEscalation: false
#     ```
#   docs: https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
findings contains finding if {
	some workload in input.workloads
	restricted_checked(workload)
	spec := pod_spec(workload)
	not windows_relaxed(workload, spec)
	some c in containers(spec)
	not c.security_context.allowPrivilegeEscalation == false
	finding := {
		"rule": "SC-005",
		"message": sprintf(
			"%s does not set securityContext.allowPrivilegeEscalation: false (%s)",
			[c.label, privilege_escalation_found(c.security_context)],
		),
		"workload": workload.id,
		"path": array.concat(c.path, ["securityContext", "allowPrivilegeEscalation"]),
	}
}

privilege_escalation_found(security_context) := sprintf("found %s", [value_text(value)]) if {
	value := security_context.allowPrivilegeEscalation
	value != null
} else := "it is unset"
