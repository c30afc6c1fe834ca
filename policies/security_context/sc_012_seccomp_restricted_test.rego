package resilience.security_context_test

import data.resilience.security_context

no_pod_seccomp_spec := object.union(
	object.remove(hardened_spec, ["securityContext"]),
	{"securityContext": {"runAsNonRoot": true}},
)

test_sc_012_unset_everywhere if {
	spec := object.union(no_pod_seccomp_spec, {
		"containers": [
			hardened_container("app"),
			container_with_sc("side", {"seccompProfile": {"type": "RuntimeDefault"}}),
		],
		"initContainers": [hardened_container("init")],
	})
	found := security_context.findings with input as deployment(spec)
	paths("SC-012", found) == {
		["spec", "containers", 0, "securityContext", "seccompProfile", "type"],
		["spec", "initContainers", 0, "securityContext", "seccompProfile", "type"],
	}
}

test_sc_012_message if {
	spec := object.union(no_pod_seccomp_spec, {"ephemeralContainers": [{"name": "dbg", "image": "busybox:1.36"}]})
	found := security_context.findings with input as deployment(spec)
	reason := "has no seccomp profile: neither it nor the pod sets securityContext.seccompProfile.type"
	messages("SC-012", found) == {
		concat(" ", ["container \"app\"", reason]),
		concat(" ", ["ephemeral container \"dbg\"", reason]),
	}
}

test_sc_012_pod_level_covers_containers if {
	found := security_context.findings with input as deployment(hardened_spec)
	count(of_rule("SC-012", found)) == 0
}

test_sc_012_every_container_sets_it if {
	spec := object.union(no_pod_seccomp_spec, {
		"containers": [container_with_sc("a", {"seccompProfile": {"type": "RuntimeDefault"}})],
		"initContainers": [container_with_sc("b", {"seccompProfile": {"type": "Localhost", "localhostProfile": "a"}})],
	})
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-012", found)) == 0
}

test_sc_012_container_unconfined_despite_pod if {
	spec := spec_with_app_sc({"seccompProfile": {"type": "Unconfined"}})
	found := security_context.findings with input as deployment(spec)
	paths("SC-012", found) == {["spec", "containers", 0, "securityContext", "seccompProfile", "type"]}
}

test_sc_012_pod_unconfined_reported_at_pod_level if {
	spec := spec_with({"securityContext": {"seccompProfile": {"type": "Unconfined"}}})
	found := security_context.findings with input as deployment(spec)
	paths("SC-012", found) == {["spec", "securityContext", "seccompProfile", "type"]}
}

test_sc_012_null_profile_is_unset if {
	spec := object.union(no_pod_seccomp_spec, {"securityContext": {"seccompProfile": null}})
	found := security_context.findings with input as deployment(spec)
	paths("SC-012", found) == {["spec", "containers", 0, "securityContext", "seccompProfile", "type"]}
}

test_sc_012_windows_pod_is_exempt if {
	spec := object.union(no_pod_seccomp_spec, {"os": {"name": "windows"}})
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-012", found)) == 0
}
