package resilience.security_context_test

import data.resilience.security_context

test_sc_017_pod_and_containers if {
	spec := object.union(hardened_spec, {
		"securityContext": {"runAsUser": 0},
		"containers": [container_with_sc("app", {"runAsUser": 0}), container_with_sc("ok", {"runAsUser": 10001})],
		"initContainers": [container_with_sc("init", {"runAsUser": 0})],
	})
	found := security_context.findings with input as deployment(spec)
	paths("SC-017", found) == {
		["spec", "securityContext", "runAsUser"],
		["spec", "containers", 0, "securityContext", "runAsUser"],
		["spec", "initContainers", 0, "securityContext", "runAsUser"],
	}
}

test_sc_017_message if {
	spec := spec_with_containers("ephemeralContainers", [container_with_sc("dbg", {"runAsUser": 0})])
	found := security_context.findings with input as deployment(spec)
	messages("SC-017", found) == {"ephemeral container \"dbg\" sets securityContext.runAsUser: 0 (root)"}
}

test_sc_017_container_non_zero_does_not_hide_pod_zero if {
	spec := object.union(hardened_spec, {
		"securityContext": {"runAsUser": 0},
		"containers": [container_with_sc("app", {"runAsUser": 1000})],
	})
	found := security_context.findings with input as deployment(spec)
	paths("SC-017", found) == {["spec", "securityContext", "runAsUser"]}
}

test_sc_017_unset_null_and_non_zero_pass if {
	spec := object.union(hardened_spec, {
		"securityContext": {"runAsUser": null},
		"containers": [container_with_sc("a", {"runAsUser": 1}), hardened_container("b")],
	})
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-017", found)) == 0
}

test_sc_017_user_namespace_is_exempt if {
	spec := object.union(hardened_spec, {"hostUsers": false, "securityContext": {"runAsUser": 0}})
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-017", found)) == 0
}
