package resilience.security_context_test

import data.resilience.security_context

test_sc_007_host_port if {
	c := object.union(hardened_container("app"), {"ports": [
		{"containerPort": 8080},
		{"containerPort": 9090, "hostPort": 9090},
		{"containerPort": 7070, "hostPort": 0},
	]})
	spec := spec_with_containers("containers", [c])
	found := security_context.findings with input as deployment(spec)
	paths("SC-007", found) == {["spec", "containers", 0, "ports", 1, "hostPort"]}
	found_2 := security_context.findings with input as deployment(spec)
	messages("SC-007", found_2) == {"container \"app\" binds host port 9090"}
}

test_sc_007_init_and_ephemeral if {
	c := object.union(hardened_container("x"), {"ports": [{"containerPort": 53, "hostPort": 53}]})
	spec := object.union(hardened_spec, {"initContainers": [c], "ephemeralContainers": [c]})
	found := security_context.findings with input as deployment(spec)
	paths("SC-007", found) == {
		["spec", "initContainers", 0, "ports", 0, "hostPort"],
		["spec", "ephemeralContainers", 0, "ports", 0, "hostPort"],
	}
}

test_sc_007_zero_null_and_unset_pass if {
	ports := [{"containerPort": 1, "hostPort": 0}, {"containerPort": 2, "hostPort": null}, {"containerPort": 3}]
	c := object.union(hardened_container("app"), {"ports": ports})
	found := security_context.findings with input as deployment(spec_with_containers("containers", [c]))
	count(of_rule("SC-007", found)) == 0
}

test_sc_007_host_network_defaults_host_port_to_container_port if {
	c := object.union(
		hardened_container("app"),
		{"ports": [{"containerPort": 8080}, {"containerPort": 9090, "hostPort": 0}]},
	)
	e := object.union(hardened_container("dbg"), {"ports": [{"containerPort": 7070}]})
	spec := object.union(
		spec_with_containers("containers", [c]),
		{"hostNetwork": true, "ephemeralContainers": [e]},
	)
	paths("SC-007", security_context.findings) == {
		["spec", "containers", 0, "ports", 0, "containerPort"],
		["spec", "containers", 0, "ports", 1, "containerPort"],
	} with input as deployment(spec)
	spec_without := object.union(spec_with_containers("containers", [c]), {"hostNetwork": false})
	count(of_rule("SC-007", security_context.findings)) == 0 with input as deployment(spec_without)
}
