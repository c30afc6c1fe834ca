package resilience.security_context_test

import data.resilience.security_context

test_sc_020_unset_false_null if {
	spec := object.union(hardened_spec, {
		"containers": [
			container_without_sc("unset", "readOnlyRootFilesystem"),
			container_with_sc("false", {"readOnlyRootFilesystem": false}),
			hardened_container("ok"),
		],
		"initContainers": [container_with_sc("init", {"readOnlyRootFilesystem": null})],
		"ephemeralContainers": [{"name": "dbg", "image": "busybox:1.36"}],
	})
	found := security_context.findings with input as deployment(spec)
	paths("SC-020", found) == {
		["spec", "containers", 0, "securityContext", "readOnlyRootFilesystem"],
		["spec", "containers", 1, "securityContext", "readOnlyRootFilesystem"],
		["spec", "initContainers", 0, "securityContext", "readOnlyRootFilesystem"],
		["spec", "ephemeralContainers", 0, "securityContext", "readOnlyRootFilesystem"],
	}
}

test_sc_020_messages if {
	spec := spec_with_containers("containers", [
		container_without_sc("a", "readOnlyRootFilesystem"),
		container_with_sc("b", {"readOnlyRootFilesystem": false}),
	])
	found := security_context.findings with input as deployment(spec)
	messages("SC-020", found) == {
		"container \"a\" does not set securityContext.readOnlyRootFilesystem: true (it is unset)",
		"container \"b\" does not set securityContext.readOnlyRootFilesystem: true (found false)",
	}
}

test_sc_020_windows_pod_is_exempt if {
	spec := object.union(
		spec_of_container(container_without_sc("app", "readOnlyRootFilesystem")),
		{"os": {"name": "windows"}},
	)
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-020", found)) == 0
}
