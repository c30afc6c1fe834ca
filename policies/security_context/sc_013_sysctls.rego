package resilience.security_context

# METADATA
# title: Unsafe sysctl
# description: |
#   Pod Security "baseline" allows spec.securityContext.sysctls to set only the sysctls that are
#   namespaced and isolated from other pods on the node. Policy v1.23: kernel.shm_rmid_forced,
#   net.ipv4.ip_local_port_range, net.ipv4.ip_unprivileged_port_start, net.ipv4.tcp_syncookies,
#   net.ipv4.ping_group_range; v1.27 adds net.ipv4.ip_local_reserved_ports; v1.29
#   net.ipv4.tcp_keepalive_time, net.ipv4.tcp_fin_timeout, net.ipv4.tcp_keepalive_intvl and
#   net.ipv4.tcp_keepalive_probes; v1.32 net.ipv4.tcp_rmem and net.ipv4.tcp_wmem; v1.37
#   net.ipv4.tcp_slow_start_after_idle and net.ipv4.tcp_notsent_lowat. The set of the Pod Security
#   version in force applies (podSecurity.version, or the namespace's enforce-version label). Any other
#   sysctl can change the kernel for every pod on the node or disable a security mechanism.
# custom:
#   id: SC-013
#   severity: block
#   remediation: |
#     Remove the sysctl from the pod; tune the node instead (or use one of the safe sysctls):
#     ```yaml
#     securityContext:
#       sysctls:
#         - name: net.ipv4.ip_local_port_range
#           value: "1024 65535"
#     ```
#   docs: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
findings contains finding if {
	some workload in input.workloads
	baseline_checked(workload)
	some i, sysctl in array_or_empty(pod_security_context(pod_spec(workload)), "sysctls")
	name := value_or(sysctl, "name", "")
	not name in safe_sysctls(workload)
	finding := {
		"rule": "SC-013",
		"message": sprintf("the pod sets sysctl %s, which is not in the baseline safe set", [value_text(name)]),
		"workload": workload.id,
		"path": ["spec", "securityContext", "sysctls", i, "name"],
	}
}

# The safe set by policy version, as upstream's check_sysctls.go grows it.
safe_sysctls(workload) := {name |
	some added in safe_sysctls_added
	policy_at_least(workload, added.since)
	some name in added.names
}

safe_sysctls_added := [
	{"since": 0, "names": [
		"kernel.shm_rmid_forced",
		"net.ipv4.ip_local_port_range",
		"net.ipv4.tcp_syncookies",
		"net.ipv4.ping_group_range",
		"net.ipv4.ip_unprivileged_port_start",
	]},
	{"since": 27, "names": ["net.ipv4.ip_local_reserved_ports"]},
	{"since": 29, "names": [
		"net.ipv4.tcp_keepalive_time",
		"net.ipv4.tcp_fin_timeout",
		"net.ipv4.tcp_keepalive_intvl",
		"net.ipv4.tcp_keepalive_probes",
	]},
	{"since": 32, "names": ["net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"]},
	{"since": 37, "names": ["net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat"]},
]
