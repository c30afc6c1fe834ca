package resilience.security_context_test

import data.resilience.security_context

test_sc_006_host_path_volume if {
	spec := spec_with({"volumes": [
		{"name": "tmp", "emptyDir": {}},
		{"name": "docker", "hostPath": {"path": "/var/run/docker.sock", "type": "Socket"}},
	]})
	found := security_context.findings with input as deployment(spec)
	paths("SC-006", found) == {["spec", "volumes", 1, "hostPath"]}
	found_2 := security_context.findings with input as deployment(spec)
	messages("SC-006", found_2) == {"volume \"docker\" mounts the node's path \"/var/run/docker.sock\" (hostPath)"}
}

test_sc_006_host_path_without_path_still_reported if {
	spec := spec_with({"volumes": [{"name": "odd", "hostPath": {}}]})
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-006", found)) == 1
}

test_sc_006_other_volumes_and_null_pass if {
	spec := spec_with({"volumes": [
		{"name": "a", "configMap": {"name": "cfg"}},
		{"name": "b", "hostPath": null, "emptyDir": {}},
	]})
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-006", found)) == 0
}
