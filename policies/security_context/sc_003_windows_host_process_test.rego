package resilience.security_context_test

import data.resilience.security_context

windows_host_process_spec := {
	"os": {"name": "windows"},
	"hostNetwork": true,
	"securityContext": {
		"runAsNonRoot": true,
		"windowsOptions": {"hostProcess": true, "runAsUserName": "NT AUTHORITY\\Local service"},
	},
	"containers": [{
		"name": "agent",
		"image": "mcr.microsoft.com/agent:1.0",
		"securityContext": {"windowsOptions": {"hostProcess": true}},
	}],
	"initContainers": [{
		"name": "prep",
		"image": "mcr.microsoft.com/prep:1.0",
		"securityContext": {"windowsOptions": {"hostProcess": false}},
	}],
}

test_sc_003_pod_and_container if {
	found := security_context.findings with input as deployment(windows_host_process_spec)
	paths("SC-003", found) == {
		["spec", "securityContext", "windowsOptions", "hostProcess"],
		["spec", "containers", 0, "securityContext", "windowsOptions", "hostProcess"],
	}
}

test_sc_003_messages if {
	found := security_context.findings with input as deployment(windows_host_process_spec)
	messages("SC-003", found) == {
		"the pod sets securityContext.windowsOptions.hostProcess: true",
		"container \"agent\" sets securityContext.windowsOptions.hostProcess: true",
	}
}

test_sc_003_ephemeral_container if {
	debug := container_with_sc("dbg", {"windowsOptions": {"hostProcess": true}})
	spec := spec_with_containers("ephemeralContainers", [debug])
	found := security_context.findings with input as deployment(spec)
	path := ["spec", "ephemeralContainers", 0, "securityContext", "windowsOptions", "hostProcess"]
	paths("SC-003", found) == {path}
}

test_sc_003_false_and_unset_pass if {
	spec := spec_with({
		"os": {"name": "windows"},
		"securityContext": {"windowsOptions": {"hostProcess": false, "runAsUserName": "ContainerUser"}},
	})
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-003", found)) == 0
}
