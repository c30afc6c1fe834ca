package resilience.security_context_test

import data.resilience.security_context

test_sc_018_missing_drop_all if {
	spec := object.union(hardened_spec, {
		"containers": [
			container_with_sc("nocaps", {"capabilities": null}),
			container_with_sc("some", {"capabilities": {"drop": ["NET_RAW", "SYS_ADMIN"]}}),
			container_with_sc("lower", {"capabilities": {"drop": ["all"]}}),
			hardened_container("ok"),
		],
		"ephemeralContainers": [{"name": "dbg", "image": "busybox:1.36"}],
	})
	found := security_context.findings with input as deployment(spec)
	paths("SC-018", found) == {
		["spec", "containers", 0, "securityContext", "capabilities", "drop"],
		["spec", "containers", 1, "securityContext", "capabilities", "drop"],
		["spec", "containers", 2, "securityContext", "capabilities", "drop"],
		["spec", "ephemeralContainers", 0, "securityContext", "capabilities", "drop"],
	}
}

test_sc_018_adds_only_net_bind_service if {
	spec := spec_with_containers("initContainers", [container_with_sc("init", {"capabilities": {
		"drop": ["ALL"],
		"add": ["NET_BIND_SERVICE", "CHOWN", "SYS_ADMIN"],
	}})])
	found := security_context.findings with input as deployment(spec)
	paths("SC-018", found) == {
		["spec", "initContainers", 0, "securityContext", "capabilities", "add", 1],
		["spec", "initContainers", 0, "securityContext", "capabilities", "add", 2],
	}
	found_2 := security_context.findings with input as deployment(spec)
	messages("SC-018", found_2) == {
		"init container \"init\" adds capability \"CHOWN\"; restricted allows only NET_BIND_SERVICE",
		"init container \"init\" adds capability \"SYS_ADMIN\"; restricted allows only NET_BIND_SERVICE",
	}
}

test_sc_018_drop_message if {
	spec := spec_with_app_sc({"capabilities": {"drop": ["NET_RAW"]}})
	found := security_context.findings with input as deployment(spec)
	message := "container \"app\" does not drop ALL capabilities (securityContext.capabilities.drop)"
	messages("SC-018", found) == {message}
}

test_sc_018_drop_all_with_net_bind_service_passes if {
	spec := spec_with_app_sc({"capabilities": {"drop": ["NET_RAW", "ALL"], "add": ["NET_BIND_SERVICE"]}})
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-018", found)) == 0
}

test_sc_018_windows_pod_is_exempt if {
	spec := object.union(
		spec_of_container(object.remove(hardened_container("app"), ["securityContext"])),
		{"os": {"name": "windows"}},
	)
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-018", found)) == 0
}
