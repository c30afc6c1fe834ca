package resilience.security_context_test

import data.resilience.security_context

no_pod_non_root_spec := object.union(
	object.remove(hardened_spec, ["securityContext"]),
	{"securityContext": {"seccompProfile": {"type": "RuntimeDefault"}}},
)

test_sc_016_pod_level_is_inherited if {
	found := security_context.findings with input as deployment(hardened_spec)
	count(of_rule("SC-016", found)) == 0
}

test_sc_016_unset_everywhere if {
	spec := object.union(no_pod_non_root_spec, {"initContainers": [hardened_container("init")]})
	found := security_context.findings with input as deployment(spec)
	paths("SC-016", found) == {
		["spec", "containers", 0, "securityContext", "runAsNonRoot"],
		["spec", "initContainers", 0, "securityContext", "runAsNonRoot"],
	}
}

test_sc_016_message_for_unset if {
	found := security_context.findings with input as deployment(no_pod_non_root_spec)
	message := "container \"app\" may run as root: neither it nor the pod sets securityContext.runAsNonRoot: true"
	messages("SC-016", found) == {message}
}

test_sc_016_container_false_overrides_pod_true if {
	spec := spec_with_containers("containers", [
		hardened_container("ok"),
		container_with_sc("root", {"runAsNonRoot": false}),
	])
	found := security_context.findings with input as deployment(spec)
	paths("SC-016", found) == {["spec", "containers", 1, "securityContext", "runAsNonRoot"]}
	found_2 := security_context.findings with input as deployment(spec)
	message := "container \"root\" sets securityContext.runAsNonRoot to false; it must be true"
	messages("SC-016", found_2) == {message}
}

test_sc_016_pod_false_reported_at_pod_even_if_containers_true if {
	spec := object.union(hardened_spec, {
		"securityContext": {"runAsNonRoot": false},
		"containers": [container_with_sc("app", {"runAsNonRoot": true})],
	})
	found := security_context.findings with input as deployment(spec)
	paths("SC-016", found) == {["spec", "securityContext", "runAsNonRoot"]}
}

test_sc_016_pod_false_covers_containers_that_inherit if {
	spec := spec_with({"securityContext": {"runAsNonRoot": false}})
	found := security_context.findings with input as deployment(spec)
	paths("SC-016", found) == {["spec", "securityContext", "runAsNonRoot"]}
}

test_sc_016_every_container_sets_true if {
	spec := object.union(no_pod_non_root_spec, {
		"containers": [container_with_sc("app", {"runAsNonRoot": true})],
		"ephemeralContainers": [container_with_sc("dbg", {"runAsNonRoot": true})],
	})
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-016", found)) == 0
}

test_sc_016_ephemeral_container_inherits_nothing_else if {
	spec := object.union(no_pod_non_root_spec, {
		"containers": [container_with_sc("app", {"runAsNonRoot": true})],
		"ephemeralContainers": [{"name": "dbg", "image": "busybox:1.36"}],
	})
	found := security_context.findings with input as deployment(spec)
	paths("SC-016", found) == {["spec", "ephemeralContainers", 0, "securityContext", "runAsNonRoot"]}
}

test_sc_016_null_is_unset if {
	spec := object.union(no_pod_non_root_spec, {"securityContext": {"runAsNonRoot": null}})
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-016", found)) == 1
}

test_sc_016_user_namespace_is_exempt if {
	spec := object.union(no_pod_non_root_spec, {"hostUsers": false})
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-016", found)) == 0
}

test_sc_016_host_users_true_is_not_exempt if {
	spec := object.union(no_pod_non_root_spec, {"hostUsers": true})
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-016", found)) == 1
}

test_sc_016_windows_is_not_exempt if {
	spec := object.union(no_pod_non_root_spec, {"os": {"name": "windows"}})
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-016", found)) == 1
}

test_sc_016_user_namespace_exempt_only_from_policy_v1_35 if {
	spec := object.union(no_pod_non_root_spec, {"hostUsers": false})
	count(of_rule("SC-016", security_context.findings)) == 1 with input as deployment_at(spec, "restricted", 34)
	count(of_rule("SC-016", security_context.findings)) == 0 with input as deployment_at(spec, "restricted", 35)
}
