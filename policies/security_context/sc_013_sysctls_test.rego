package resilience.security_context_test

import data.resilience.security_context

test_sc_013_unsafe_sysctl if {
	spec := spec_with({"securityContext": {"sysctls": [
		{"name": "net.ipv4.tcp_syncookies", "value": "1"},
		{"name": "kernel.msgmax", "value": "65536"},
		{"name": "net.core.somaxconn", "value": "1024"},
	]}})
	found := security_context.findings with input as deployment(spec)
	paths("SC-013", found) == {
		["spec", "securityContext", "sysctls", 1, "name"],
		["spec", "securityContext", "sysctls", 2, "name"],
	}
}

test_sc_013_message if {
	spec := spec_with({"securityContext": {"sysctls": [{"name": "vm.swappiness", "value": "10"}]}})
	found := security_context.findings with input as deployment(spec)
	messages("SC-013", found) == {"the pod sets sysctl \"vm.swappiness\", which is not in the baseline safe set"}
}

test_sc_013_every_safe_sysctl_passes if {
	names := [
		"kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies",
		"net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start", "net.ipv4.ip_local_reserved_ports",
		"net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
		"net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem",
	]
	spec := spec_with({"securityContext": {"sysctls": [{"name": name, "value": "1"} | some name in names]}})
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-013", found)) == 0
}

test_sc_013_missing_name_is_forbidden if {
	spec := spec_with({"securityContext": {"sysctls": [{"value": "1"}]}})
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-013", found)) == 1
}

test_sc_013_allow_list_grows_with_the_policy_version if {
	counts := {[name, minor]: count(of_rule("SC-013", found)) |
		some [name, minor] in [
			["net.ipv4.ip_local_reserved_ports", 26], ["net.ipv4.ip_local_reserved_ports", 27],
			["net.ipv4.tcp_fin_timeout", 28], ["net.ipv4.tcp_fin_timeout", 29],
			["net.ipv4.tcp_wmem", 31], ["net.ipv4.tcp_wmem", 32],
			["net.ipv4.tcp_slow_start_after_idle", 36], ["net.ipv4.tcp_slow_start_after_idle", 37],
			["net.ipv4.tcp_notsent_lowat", 36], ["net.ipv4.tcp_notsent_lowat", 37],
		]
		spec := spec_with({"securityContext": {"sysctls": [{"name": name, "value": "1"}]}})
		found := security_context.findings with input as deployment_at(spec, "baseline", minor)
	}
	counts == {
		["net.ipv4.ip_local_reserved_ports", 26]: 1, ["net.ipv4.ip_local_reserved_ports", 27]: 0,
		["net.ipv4.tcp_fin_timeout", 28]: 1, ["net.ipv4.tcp_fin_timeout", 29]: 0,
		["net.ipv4.tcp_wmem", 31]: 1, ["net.ipv4.tcp_wmem", 32]: 0,
		["net.ipv4.tcp_slow_start_after_idle", 36]: 1, ["net.ipv4.tcp_slow_start_after_idle", 37]: 0,
		["net.ipv4.tcp_notsent_lowat", 36]: 1, ["net.ipv4.tcp_notsent_lowat", 37]: 0,
	}
}

test_sc_013_latest_allows_the_v1_37_sysctls if {
	spec := spec_with({"securityContext": {"sysctls": [{"name": "net.ipv4.tcp_slow_start_after_idle", "value": "0"}]}})
	count(of_rule("SC-013", security_context.findings)) == 0 with input as deployment(spec)
}

test_sc_013_privileged_level_checks_nothing if {
	spec := spec_with({"securityContext": {"sysctls": [{"name": "kernel.msgmax", "value": "1"}]}})
	count(of_rule("SC-013", security_context.findings)) == 0 with input as deployment_at(spec, "privileged", 37)
}

test_sc_013_container_level_is_not_a_place if {
	# sysctls exist only at pod level; nothing is read from containers
	spec := spec_with_app_sc({"sysctls": [{"name": "vm.swappiness"}]})
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-013", found)) == 0
}
