package resilience.security_context_test

import data.resilience.security_context

test_sc_004_capability_beyond_baseline if {
	capabilities := {"drop": ["ALL"], "add": ["NET_BIND_SERVICE", "SYS_ADMIN", "NET_RAW"]}
	found := security_context.findings with input as deployment(spec_with_app_sc({"capabilities": capabilities}))
	paths("SC-004", found) == {
		["spec", "containers", 0, "securityContext", "capabilities", "add", 1],
		["spec", "containers", 0, "securityContext", "capabilities", "add", 2],
	}
}

test_sc_004_message if {
	init := container_with_sc("init", {"capabilities": {"add": ["NET_ADMIN"]}})
	spec := spec_with_containers("initContainers", [init])
	found := security_context.findings with input as deployment(spec)
	message := "init container \"init\" adds capability \"NET_ADMIN\", which is not in the baseline default set"
	messages("SC-004", found) == {message}
}

test_sc_004_every_baseline_capability_passes if {
	added := [
		"AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
		"NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
	]
	found := security_context.findings with input as deployment(spec_with_app_sc({"capabilities": {"add": added}}))
	count(of_rule("SC-004", found)) == 0
}

test_sc_004_case_matters_and_ephemeral_counts if {
	debug := container_with_sc("dbg", {"capabilities": {"add": ["sys_ptrace", "CAP_CHOWN"]}})
	spec := spec_with_containers("ephemeralContainers", [debug])
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-004", found)) == 2
}

test_sc_004_no_add_or_null_passes if {
	spec := spec_with_containers("containers", [
		container_with_sc("a", {"capabilities": {"add": null}}),
		container_with_sc("b", {"capabilities": null}),
	])
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-004", found)) == 0
}

test_sc_004_windows_pod_at_restricted_follows_the_overriding_check if {
	spec := object.union(
		spec_with_app_sc({"capabilities": {"drop": ["ALL"], "add": ["SYS_ADMIN"]}}),
		{"os": {"name": "windows"}},
	)
	count(of_rule("SC-004", security_context.findings)) == 0 with input as deployment_at(spec, "restricted", 25)
	count(of_rule("SC-004", security_context.findings)) == 1 with input as deployment_at(spec, "restricted", 24)
	count(of_rule("SC-004", security_context.findings)) == 1 with input as deployment_at(spec, "baseline", 37)
}
