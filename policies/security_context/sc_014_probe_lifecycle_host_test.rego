package resilience.security_context_test

import data.resilience.security_context

test_sc_014_every_handler if {
	c := object.union(hardened_container("app"), {
		"livenessProbe": {"httpGet": {"host": "127.0.0.1", "port": 8080}},
		"readinessProbe": {"tcpSocket": {"host": "10.0.0.1", "port": 5432}},
		"startupProbe": {"httpGet": {"host": "localhost", "port": 8080}},
		"lifecycle": {
			"postStart": {"httpGet": {"host": "metadata.internal", "port": 80}},
			"preStop": {"tcpSocket": {"host": "::1", "port": 9}},
		},
	})
	spec := spec_with_containers("containers", [c])
	found := security_context.findings with input as deployment(spec)
	paths("SC-014", found) == {
		["spec", "containers", 0, "livenessProbe", "httpGet", "host"],
		["spec", "containers", 0, "readinessProbe", "tcpSocket", "host"],
		["spec", "containers", 0, "startupProbe", "httpGet", "host"],
		["spec", "containers", 0, "lifecycle", "postStart", "httpGet", "host"],
		["spec", "containers", 0, "lifecycle", "preStop", "tcpSocket", "host"],
	}
}

test_sc_014_message if {
	probe := {"httpGet": {"host": "169.254.169.254", "port": 80}}
	c := object.union(hardened_container("app"), {"livenessProbe": probe})
	found := security_context.findings with input as deployment(spec_with_containers("containers", [c]))
	messages("SC-014", found) == {"container \"app\" sets livenessProbe.httpGet.host to \"169.254.169.254\""}
}

test_sc_014_init_and_ephemeral if {
	c := object.union(hardened_container("x"), {"startupProbe": {"tcpSocket": {"host": "db", "port": 5432}}})
	spec := object.union(hardened_spec, {"initContainers": [c], "ephemeralContainers": [c]})
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-014", found)) == 2
}

test_sc_014_empty_null_and_exec_pass if {
	c := object.union(hardened_container("app"), {
		"livenessProbe": {"httpGet": {"host": "", "port": 8080}},
		"readinessProbe": {"tcpSocket": {"host": null, "port": 8080}},
		"startupProbe": {"exec": {"command": ["true"]}},
		"lifecycle": {"preStop": {"sleep": {"seconds": 5}}, "postStart": null},
	})
	found := security_context.findings with input as deployment(spec_with_containers("containers", [c]))
	count(of_rule("SC-014", found)) == 0
}

test_sc_014_only_from_policy_v1_34 if {
	c := object.union(hardened_container("app"), {"livenessProbe": {"httpGet": {"host": "127.0.0.1", "port": 8080}}})
	spec := spec_with_containers("containers", [c])
	count(of_rule("SC-014", security_context.findings)) == 0 with input as deployment_at(spec, "baseline", 33)
	count(of_rule("SC-014", security_context.findings)) == 1 with input as deployment_at(spec, "baseline", 34)
}
