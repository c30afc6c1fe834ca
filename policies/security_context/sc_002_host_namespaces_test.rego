package resilience.security_context_test

import data.resilience.security_context

test_sc_002_one_finding_per_namespace if {
	spec := spec_with({"hostNetwork": true, "hostPID": true, "hostIPC": true})
	found := security_context.findings with input as deployment(spec)
	paths("SC-002", found) == {["spec", "hostNetwork"], ["spec", "hostPID"], ["spec", "hostIPC"]}
}

test_sc_002_only_the_set_one if {
	spec := spec_with({"hostPID": true, "hostNetwork": false})
	found := security_context.findings with input as deployment(spec)
	messages("SC-002", found) == {"the pod sets hostPID: true and shares the node's namespace"}
}

test_sc_002_false_null_and_unset_pass if {
	spec := spec_with({"hostNetwork": false, "hostPID": null})
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-002", found)) == 0
}
