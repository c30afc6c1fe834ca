package resilience.security_context

# METADATA
# title: Service account token is mounted
# description: |
#   Good practice: the pod sets spec.automountServiceAccountToken: false unless it calls the Kubernetes
#   API. Otherwise every container gets a token for the pod's service account, which anyone who
#   compromises the container can use against the API server.
# custom:
#   id: SC-021
#   severity: warn
#   remediation: |
#     Turn the token off for the pod (use a projected serviceAccountToken volume in the one container
#     that needs the API):
#     ```yaml
#     spec:
#       automountServiceAccountToken: false
#     ```
#   docs: https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/
findings contains finding if {
	some workload in input.workloads
	spec := pod_spec(workload)
	not spec.automountServiceAccountToken == false
	finding := {
		"rule": "SC-021",
		"message": sprintf(
			"the pod does not set automountServiceAccountToken: false (%s)",
			[automount_found(spec)],
		),
		"workload": workload.id,
		"path": ["spec", "automountServiceAccountToken"],
	}
}

automount_found(spec) := sprintf("found %s", [value_text(spec.automountServiceAccountToken)]) if {
	has_value(spec, "automountServiceAccountToken")
} else := "it is unset"
