package resilience.security_context_test

import data.resilience.security_context

test_sc_005_unset_true_and_null_violate if {
	spec := spec_with_containers("containers", [
		container_without_sc("unset", "allowPrivilegeEscalation"),
		container_with_sc("true", {"allowPrivilegeEscalation": true}),
		container_with_sc("null", {"allowPrivilegeEscalation": null}),
		object.remove(hardened_container("nosc"), ["securityContext"]),
		hardened_container("ok"),
	])
	found := security_context.findings with input as deployment(spec)
	paths("SC-005", found) == {
		["spec", "containers", 0, "securityContext", "allowPrivilegeEscalation"],
		["spec", "containers", 1, "securityContext", "allowPrivilegeEscalation"],
		["spec", "containers", 2, "securityContext", "allowPrivilegeEscalation"],
		["spec", "containers", 3, "securityContext", "allowPrivilegeEscalation"],
	}
}

test_sc_005_messages_say_what_was_found if {
	spec := spec_with_containers("containers", [
		container_without_sc("a", "allowPrivilegeEscalation"),
		container_with_sc("b", {"allowPrivilegeEscalation": true}),
	])
	found := security_context.findings with input as deployment(spec)
	messages("SC-005", found) == {
		"container \"a\" does not set securityContext.allowPrivilegeEscalation: false (it is unset)",
		"container \"b\" does not set securityContext.allowPrivilegeEscalation: false (found true)",
	}
}

test_sc_005_init_and_ephemeral_containers if {
	spec := object.union(hardened_spec, {
		"initContainers": [container_without_sc("init", "allowPrivilegeEscalation")],
		"ephemeralContainers": [{"name": "debug", "image": "busybox:1.36"}],
	})
	found := security_context.findings with input as deployment(spec)
	paths("SC-005", found) == {
		["spec", "initContainers", 0, "securityContext", "allowPrivilegeEscalation"],
		["spec", "ephemeralContainers", 0, "securityContext", "allowPrivilegeEscalation"],
	}
}

test_sc_005_pod_level_does_not_count if {
	# there is no pod-level allowPrivilegeEscalation; a stray one must not satisfy the containers
	spec := object.union(
		spec_of_container(container_without_sc("app", "allowPrivilegeEscalation")),
		{"securityContext": {"allowPrivilegeEscalation": false}},
	)
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-005", found)) == 1
}

test_sc_005_windows_pod_is_exempt if {
	spec := object.union(
		spec_of_container(container_without_sc("app", "allowPrivilegeEscalation")),
		{"os": {"name": "windows"}},
	)
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-005", found)) == 0
}

test_sc_005_linux_os_is_not_exempt if {
	spec := object.union(
		spec_of_container(container_without_sc("app", "allowPrivilegeEscalation")),
		{"os": {"name": "linux"}},
	)
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-005", found)) == 1
}

test_sc_005_cronjob if {
	spec := spec_with_containers("containers", [container_with_sc("report", {"allowPrivilegeEscalation": true})])
	found := security_context.findings with input as input_for("CronJob", spec)
	count(of_rule("SC-005", found)) == 1
}

test_sc_005_windows_exempt_only_from_policy_v1_25 if {
	spec := object.union(
		spec_of_container(container_without_sc("app", "allowPrivilegeEscalation")),
		{"os": {"name": "windows"}},
	)
	count(of_rule("SC-005", security_context.findings)) == 1 with input as deployment_at(spec, "restricted", 24)
	count(of_rule("SC-005", security_context.findings)) == 0 with input as deployment_at(spec, "restricted", 25)
}

test_sc_005_not_checked_at_baseline if {
	spec := spec_of_container(container_without_sc("app", "allowPrivilegeEscalation"))
	count(of_rule("SC-005", security_context.findings)) == 0 with input as deployment_at(spec, "baseline", 37)
}
