package resilience.security_context

# METADATA
# title: Probe or lifecycle hook targets another host
# description: |
#   Pod Security "baseline" (policy v1.34+) forbids a non-empty host in httpGet and tcpSocket handlers of
#   livenessProbe, readinessProbe, startupProbe and of lifecycle postStart and preStop, on every container,
#   init container and ephemeral container. The kubelet runs these requests from the node, so a host
#   field lets a pod make the node call any address, localhost included, that the pod itself could not
#   reach.
# custom:
#   id: SC-014
#   severity: block
#   remediation: |
#     Remove `host` so the kubelet probes the pod's own IP:
#     ```yaml
#     livenessProbe:
#       httpGet:
#         path: /healthz
#         port: 8080
#     ```
#   docs: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
findings contains finding if {
	some workload in input.workloads
	baseline_checked(workload)
	policy_at_least(workload, 34)
	some c in containers(pod_spec(workload))
	some handler in handler_places
	some action in ["httpGet", "tcpSocket"]
	handler_path := array.concat(handler, [action, "host"])
	host := value_or(object_or_empty(handler_object(c.container, handler), action), "host", "")
	host != ""
	finding := {
		"rule": "SC-014",
		"message": sprintf("%s sets %s to %s", [c.label, concat(".", handler_path), value_text(host)]),
		"workload": workload.id,
		"path": array.concat(c.path, handler_path),
	}
}

handler_places := [
	["livenessProbe"],
	["readinessProbe"],
	["startupProbe"],
	["lifecycle", "postStart"],
	["lifecycle", "preStop"],
]

handler_object(container, [key]) := object_or_empty(container, key)

handler_object(container, [outer, inner]) := object_or_empty(object_or_empty(container, outer), inner)
