package resilience.security_context

# METADATA
# title: Unsafe sysctl
# description: |
#   Pod Security "baseline" allows spec.securityContext.sysctls to set only the sysctls that are
#   namespaced and isolated from other pods on the node (the list of policy v1.32):
#   kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.ip_unprivileged_port_start,
#   net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, net.ipv4.ip_local_reserved_ports,
#   net.ipv4.tcp_keepalive_time, net.ipv4.tcp_fin_timeout, net.ipv4.tcp_keepalive_intvl,
#   net.ipv4.tcp_keepalive_probes, net.ipv4.tcp_rmem and net.ipv4.tcp_wmem. Any other sysctl can change
#   the kernel for every pod on the node or disable a security mechanism.
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
	some i, sysctl in array_or_empty(pod_security_context(pod_spec(workload)), "sysctls")
	name := value_or(sysctl, "name", "")
	not name in safe_sysctls
	finding := {
		"rule": "SC-013",
		"message": sprintf("the pod sets sysctl %s, which is not in the baseline safe set", [value_text(name)]),
		"workload": workload.id,
		"path": ["spec", "securityContext", "sysctls", i, "name"],
	}
}

safe_sysctls := {
	"kernel.shm_rmid_forced",
	"net.ipv4.ip_local_port_range",
	"net.ipv4.tcp_syncookies",
	"net.ipv4.ping_group_range",
	"net.ipv4.ip_unprivileged_port_start",
	# policy v1.27
	"net.ipv4.ip_local_reserved_ports",
	# policy v1.29
	"net.ipv4.tcp_keepalive_time",
	"net.ipv4.tcp_fin_timeout",
	"net.ipv4.tcp_keepalive_intvl",
	"net.ipv4.tcp_keepalive_probes",
	# policy v1.32
	"net.ipv4.tcp_rmem",
	"net.ipv4.tcp_wmem",
}
