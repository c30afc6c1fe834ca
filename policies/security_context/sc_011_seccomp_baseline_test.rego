package resilience.security_context_test

import data.resilience.security_context

test_sc_011_unconfined_pod_and_container if {
	spec := object.union(hardened_spec, {
		"securityContext": {"seccompProfile": {"type": "Unconfined"}},
		"initContainers": [container_with_sc("init", {"seccompProfile": {"type": "Unconfined"}})],
	})
	found := security_context.findings with input as deployment(spec)
	paths("SC-011", found) == {
		["spec", "securityContext", "seccompProfile", "type"],
		["spec", "initContainers", 0, "securityContext", "seccompProfile", "type"],
	}
}

test_sc_011_message if {
	spec := spec_with_app_sc({"seccompProfile": {"type": "Unconfined"}})
	found := security_context.findings with input as deployment(spec)
	message := concat("", [
		"container \"app\" sets securityContext.seccompProfile.type to \"Unconfined\"; ",
		"only RuntimeDefault or Localhost are allowed",
	])
	messages("SC-011", found) == {message}
}

test_sc_011_profile_without_type_or_unknown_type if {
	spec := spec_with_containers("containers", [
		container_with_sc("a", {"seccompProfile": {}}),
		container_with_sc("b", {"seccompProfile": {"type": "runtime/default"}}),
	])
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-011", found)) == 2
}

test_sc_011_unset_is_baseline_ok if {
	spec := object.union(object.remove(hardened_spec, ["securityContext"]), {"securityContext": {"runAsUser": 1}})
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-011", found)) == 0
}

test_sc_011_allowed_types_and_null if {
	spec := spec_with_containers("containers", [
		container_with_sc("a", {"seccompProfile": {"type": "Localhost", "localhostProfile": "profiles/app.json"}}),
		container_with_sc("b", {"seccompProfile": {"type": "RuntimeDefault"}}),
		container_with_sc("c", {"seccompProfile": null}),
	])
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-011", found)) == 0
}
