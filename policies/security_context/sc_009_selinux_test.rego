package resilience.security_context_test

import data.resilience.security_context

test_sc_009_type_user_role if {
	spec := object.union(hardened_spec, {
		"securityContext": {"seLinuxOptions": {"type": "spc_t"}},
		"containers": [container_with_sc("app", {"seLinuxOptions": {"user": "system_u", "role": "system_r"}})],
	})
	found := security_context.findings with input as deployment(spec)
	paths("SC-009", found) == {
		["spec", "securityContext", "seLinuxOptions", "type"],
		["spec", "containers", 0, "securityContext", "seLinuxOptions", "user"],
		["spec", "containers", 0, "securityContext", "seLinuxOptions", "role"],
	}
}

test_sc_009_messages if {
	spec := spec_with({"securityContext": {"seLinuxOptions": {"type": "unconfined_t", "role": "sysadm_r"}}})
	found := security_context.findings with input as deployment(spec)
	messages("SC-009", found) == {
		"the pod sets seLinuxOptions.type to \"unconfined_t\", which is not an allowed container type",
		"the pod sets seLinuxOptions.role to \"sysadm_r\"; it must not be set",
	}
}

test_sc_009_allowed_types_and_level_pass if {
	spec := object.union(hardened_spec, {
		"securityContext": {"seLinuxOptions": {"level": "s0:c1,c2"}},
		"containers": [
			container_with_sc("a", {"seLinuxOptions": {"type": "container_t"}}),
			container_with_sc("b", {"seLinuxOptions": {"type": "container_init_t"}}),
			container_with_sc("c", {"seLinuxOptions": {"type": "container_kvm_t"}}),
			container_with_sc("d", {"seLinuxOptions": {"type": "container_engine_t"}}),
			container_with_sc("e", {"seLinuxOptions": {"type": "", "user": "", "role": null}}),
			container_with_sc("f", {"seLinuxOptions": null}),
		],
	})
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-009", found)) == 0
}

test_sc_009_init_and_ephemeral if {
	bad := container_with_sc("x", {"seLinuxOptions": {"type": "spc_t"}})
	spec := object.union(hardened_spec, {"initContainers": [bad], "ephemeralContainers": [bad]})
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-009", found)) == 2
}

test_sc_009_container_engine_t_from_policy_v1_31 if {
	spec := spec_with_app_sc({"seLinuxOptions": {"type": "container_engine_t"}})
	count(of_rule("SC-009", security_context.findings)) == 1 with input as deployment_at(spec, "baseline", 30)
	count(of_rule("SC-009", security_context.findings)) == 0 with input as deployment_at(spec, "baseline", 31)
}
