package resilience.security_context

# METADATA
# title: Root filesystem is writable
# description: |
#   Good practice: every container, init container and ephemeral container sets
#   securityContext.readOnlyRootFilesystem: true. A read-only root filesystem stops an attacker from
#   dropping tools or altering binaries in the image, and makes every place the application writes to an
#   explicit volume. Pods with spec.os.name: windows are exempt: the API rejects the field on Windows.
# custom:
#   id: SC-020
#   severity: block
#   remediation: |
#     Make the root filesystem read-only and mount an emptyDir where the process must write:
#     ```yaml
#     securityContext:
#       readOnlyRootFilesystem: true
#     volumeMounts:
#       - name: tmp
#         mountPath: /tmp
#     ```
#   docs: https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
findings contains finding if {
	some workload in input.workloads
	spec := pod_spec(workload)
	not is_windows(spec)
	some c in containers(spec)
	not c.security_context.readOnlyRootFilesystem == true
	finding := {
		"rule": "SC-020",
		"message": sprintf(
			"%s does not set securityContext.readOnlyRootFilesystem: true (%s)",
			[c.label, read_only_found(c.security_context)],
		),
		"workload": workload.id,
		"path": array.concat(c.path, ["securityContext", "readOnlyRootFilesystem"]),
	}
}

read_only_found(security_context) := sprintf("found %s", [value_text(security_context.readOnlyRootFilesystem)]) if {
	has_value(security_context, "readOnlyRootFilesystem")
} else := "it is unset"
