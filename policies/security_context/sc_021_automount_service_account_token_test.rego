package resilience.security_context_test

import data.resilience.security_context

test_sc_021_unset if {
	spec := object.remove(hardened_spec, ["automountServiceAccountToken"])
	found := security_context.findings with input as deployment(spec)
	paths("SC-021", found) == {["spec", "automountServiceAccountToken"]}
	found_2 := security_context.findings with input as deployment(spec)
	messages("SC-021", found_2) == {"the pod does not set automountServiceAccountToken: false (it is unset)"}
}

test_sc_021_true if {
	spec := spec_with({"automountServiceAccountToken": true})
	found := security_context.findings with input as deployment(spec)
	messages("SC-021", found) == {"the pod does not set automountServiceAccountToken: false (found true)"}
}

test_sc_021_null_is_unset if {
	spec := spec_with({"automountServiceAccountToken": null})
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-021", found)) == 1
}

test_sc_021_false_passes if {
	found := security_context.findings with input as deployment(hardened_spec)
	count(of_rule("SC-021", found)) == 0
}

test_sc_021_one_finding_per_workload if {
	spec := object.remove(hardened_spec, ["automountServiceAccountToken"])
	doc := {"workloads": [
		{"id": 0, "kind": "Deployment", "name": "a", "template": {"spec": spec}},
		{"id": 1, "kind": "Job", "name": "b", "template": {"spec": spec}},
	]}
	found := security_context.findings with input as doc
	{f.workload | some f in of_rule("SC-021", found)} == {0, 1}
}

with_service_account(workload, account) := {"workloads": [object.union(workload, {"service_account": account})]}

test_sc_021_service_account_that_opts_out if {
	spec := object.remove(hardened_spec, ["automountServiceAccountToken"])
	workload := deployment(spec).workloads[0]
	opted_out := with_service_account(workload, {"name": "default", "automountServiceAccountToken": false})
	count(of_rule("SC-021", security_context.findings)) == 0 with input as opted_out
	opted_in := with_service_account(workload, {"name": "default", "automountServiceAccountToken": true})
	count(of_rule("SC-021", security_context.findings)) == 1 with input as opted_in
	unknown := with_service_account(workload, {"name": "default"})
	count(of_rule("SC-021", security_context.findings)) == 1 with input as unknown
}

test_sc_021_pod_true_wins_over_the_service_account if {
	spec := object.union(hardened_spec, {"automountServiceAccountToken": true})
	workload := deployment(spec).workloads[0]
	opted_out := with_service_account(workload, {"name": "default", "automountServiceAccountToken": false})
	count(of_rule("SC-021", security_context.findings)) == 1 with input as opted_out
}
