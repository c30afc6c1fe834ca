package resilience.security_context_test

import data.resilience.security_context

test_sc_010_unmasked if {
	spec := object.union(hardened_spec, {
		"containers": [container_with_sc("app", {"procMount": "Unmasked"})],
		"initContainers": [container_with_sc("init", {"procMount": "Default"})],
		"ephemeralContainers": [container_with_sc("dbg", {"procMount": "unmasked"})],
	})
	found := security_context.findings with input as deployment(spec)
	paths("SC-010", found) == {
		["spec", "containers", 0, "securityContext", "procMount"],
		["spec", "ephemeralContainers", 0, "securityContext", "procMount"],
	}
}

test_sc_010_message if {
	spec := spec_with_app_sc({"procMount": "Unmasked"})
	found := security_context.findings with input as deployment(spec)
	message := "container \"app\" sets securityContext.procMount to \"Unmasked\"; only Default is allowed"
	messages("SC-010", found) == {message}
}

test_sc_010_user_namespace_is_not_exempt if {
	# restricted keeps the ban for hostUsers: false (procMount_restricted)
	spec := object.union(
		spec_with_app_sc({"procMount": "Unmasked"}),
		{"hostUsers": false},
	)
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-010", found)) == 1
}

test_sc_010_default_null_unset_pass if {
	spec := spec_with_containers("containers", [
		container_with_sc("a", {"procMount": "Default"}),
		container_with_sc("b", {"procMount": null}),
		hardened_container("c"),
	])
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-010", found)) == 0
}

test_sc_010_user_namespace_relaxes_baseline_only_from_v1_35 if {
	spec := object.union(spec_with_app_sc({"procMount": "Unmasked"}), {"hostUsers": false})
	count(of_rule("SC-010", security_context.findings)) == 1 with input as deployment_at(spec, "baseline", 34)
	count(of_rule("SC-010", security_context.findings)) == 0 with input as deployment_at(spec, "baseline", 35)
	count(of_rule("SC-010", security_context.findings)) == 1 with input as deployment_at(spec, "restricted", 37)
}
