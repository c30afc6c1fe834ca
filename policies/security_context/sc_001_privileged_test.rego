package resilience.security_context_test

import data.resilience.security_context

test_sc_001_privileged_container if {
	spec := spec_with_app_sc({"privileged": true})
	found := security_context.findings with input as deployment(spec)
	paths("SC-001", found) == {["spec", "containers", 0, "securityContext", "privileged"]}
}

test_sc_001_message_names_container_and_kind if {
	spec := spec_with_containers("initContainers", [container_with_sc("setup", {"privileged": true})])
	found := security_context.findings with input as deployment(spec)
	messages("SC-001", found) == {"init container \"setup\" sets securityContext.privileged: true"}
}

test_sc_001_every_container_kind if {
	bad := container_with_sc("x", {"privileged": true})
	spec := object.union(hardened_spec, {
		"containers": [hardened_container("app"), bad],
		"initContainers": [bad],
		"ephemeralContainers": [bad],
	})
	found := security_context.findings with input as deployment(spec)
	paths("SC-001", found) == {
		["spec", "containers", 1, "securityContext", "privileged"],
		["spec", "initContainers", 0, "securityContext", "privileged"],
		["spec", "ephemeralContainers", 0, "securityContext", "privileged"],
	}
}

test_sc_001_false_unset_and_null_pass if {
	spec := spec_with_containers("containers", [
		container_with_sc("a", {"privileged": false}),
		hardened_container("b"),
		container_with_sc("c", {"privileged": null}),
		object.remove(hardened_container("d"), ["securityContext"]),
	])
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-001", found)) == 0
}

test_sc_001_windows_is_not_exempt if {
	spec := object.union(
		spec_with_app_sc({"privileged": true}),
		{"os": {"name": "windows"}},
	)
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-001", found)) == 1
}
