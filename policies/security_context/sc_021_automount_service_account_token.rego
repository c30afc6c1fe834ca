package resilience.security_context

# METADATA
# title: Service account token is mounted
# description: |
#   Good practice: the pod sets spec.automountServiceAccountToken: false unless it calls the Kubernetes
#   API. Otherwise every container gets a token for the pod's service account, which anyone who
#   compromises the container can use against the API server. A pod that does not set it takes its
#   ServiceAccount's automountServiceAccountToken (spec.serviceAccountName, else default): when that
#   ServiceAccount is among the inputs and sets false, no token is mounted and nothing is reported.
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
	not service_account_opts_out(workload, spec)
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

# The pod leaves the choice to its ServiceAccount (among the inputs), which turns the token off.
service_account_opts_out(workload, spec) if {
	not has_value(spec, "automountServiceAccountToken")
	workload.service_account.automountServiceAccountToken == false
}
