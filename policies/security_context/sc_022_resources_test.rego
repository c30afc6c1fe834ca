package resilience.security_context_test

import data.resilience.security_context

container_with_resources(name, resources) := object.union(
	object.remove(hardened_container(name), ["resources"]),
	{"resources": resources},
)

test_sc_022_all_missing if {
	spec := spec_of_container(object.remove(hardened_container("app"), ["resources"]))
	found := security_context.findings with input as deployment(spec)
	paths("SC-022", found) == {["spec", "containers", 0, "resources"]}
	found_2 := security_context.findings with input as deployment(spec)
	message := "container \"app\" does not declare resources requests.cpu, requests.memory, limits.memory"
	messages("SC-022", found_2) == {message}
}

test_sc_022_only_memory_limit_missing if {
	spec := spec_of_container(container_with_resources("app", {"requests": {"cpu": "250m", "memory": "256Mi"}}))
	found := security_context.findings with input as deployment(spec)
	paths("SC-022", found) == {["spec", "containers", 0, "resources", "limits", "memory"]}
	found_2 := security_context.findings with input as deployment(spec)
	messages("SC-022", found_2) == {"container \"app\" does not declare resources limits.memory"}
}

test_sc_022_requests_missing_points_at_requests if {
	init := container_with_resources("init", {"requests": {}, "limits": {"memory": ""}})
	spec := spec_with_containers("initContainers", [init])

	# limits.memory "" is not a quantity; both requests are missing too
	found := security_context.findings with input as deployment(spec)
	paths("SC-022", found) == {["spec", "initContainers", 0, "resources"]}
}

test_sc_022_cpu_request_missing if {
	resources := {"requests": {"memory": "1Gi"}, "limits": {"memory": "1Gi"}}
	spec := spec_of_container(container_with_resources("app", resources))
	found := security_context.findings with input as deployment(spec)
	paths("SC-022", found) == {["spec", "containers", 0, "resources", "requests", "cpu"]}
}

test_sc_022_requests_default_from_limits if {
	spec := spec_of_container(container_with_resources("app", {"limits": {"cpu": "500m", "memory": "512Mi"}}))
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-022", found)) == 0
}

test_sc_022_ephemeral_containers_are_not_checked if {
	spec := spec_with_containers("ephemeralContainers", [object.remove(hardened_container("dbg"), ["resources"])])
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-022", found)) == 0
}

test_sc_022_null_resources if {
	spec := spec_of_container(container_with_resources("app", null))
	found := security_context.findings with input as deployment(spec)
	paths("SC-022", found) == {["spec", "containers", 0, "resources"]}
}

test_sc_022_numbers_are_quantities if {
	resources := {"requests": {"cpu": 1, "memory": 134217728}, "limits": {"memory": 134217728}}
	spec := spec_of_container(container_with_resources("app", resources))
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-022", found)) == 0
}
