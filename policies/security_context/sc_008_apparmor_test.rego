package resilience.security_context_test

import data.resilience.security_context

apparmor_input(annotations, spec) := {"workloads": [{
	"id": 0,
	"kind": "Deployment",
	"name": "api",
	"template": {"metadata": {"annotations": annotations}, "spec": spec},
}]}

test_sc_008_annotation_unconfined if {
	key := "container.apparmor.security.beta.kubernetes.io/app"
	found := security_context.findings with input as apparmor_input({key: "unconfined"}, hardened_spec)
	paths("SC-008", found) == {["metadata", "annotations", key]}
	messages("SC-008", found) == {concat("", [
		"annotation container.apparmor.security.beta.kubernetes.io/app is \"unconfined\"; ",
		"only runtime/default or localhost/<profile> are allowed",
	])}
}

test_sc_008_annotation_allowed_values if {
	doc := apparmor_input(
		{
			"container.apparmor.security.beta.kubernetes.io/a": "runtime/default",
			"container.apparmor.security.beta.kubernetes.io/b": "localhost/k8s-nginx",
			"container.apparmor.security.beta.kubernetes.io/c": "",
			"container.apparmor.security.beta.kubernetes.io/d": null,
			"seccomp.security.alpha.kubernetes.io/pod": "unconfined",
		},
		hardened_spec,
	)
	found := security_context.findings with input as doc
	count(of_rule("SC-008", found)) == 0
}

test_sc_008_annotation_for_unknown_container_still_counts if {
	key := "container.apparmor.security.beta.kubernetes.io/ghost"
	doc := apparmor_input({key: "docker-default"}, hardened_spec)
	found := security_context.findings with input as doc
	count(of_rule("SC-008", found)) == 1
}

test_sc_008_field_pod_and_containers if {
	spec := object.union(hardened_spec, {
		"securityContext": {"appArmorProfile": {"type": "Unconfined"}},
		"containers": [container_with_sc("app", {"appArmorProfile": {"type": "Unconfined"}})],
		"initContainers": [container_with_sc("init", {"appArmorProfile": {"type": "Localhost", "localhostProfile": "i"}})],
		"ephemeralContainers": [container_with_sc("dbg", {"appArmorProfile": {}})],
	})
	found := security_context.findings with input as deployment(spec)
	paths("SC-008", found) == {
		["spec", "securityContext", "appArmorProfile", "type"],
		["spec", "containers", 0, "securityContext", "appArmorProfile", "type"],
		["spec", "ephemeralContainers", 0, "securityContext", "appArmorProfile", "type"],
	}
}

test_sc_008_field_runtime_default_and_null_pass if {
	spec := object.union(hardened_spec, {
		"securityContext": {"appArmorProfile": {"type": "RuntimeDefault"}},
		"containers": [container_with_sc("app", {"appArmorProfile": null})],
	})
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-008", found)) == 0
}
