package resilience.security_context

# METADATA
# title: Capabilities not dropped, or added beyond NET_BIND_SERVICE
# description: |
#   Pod Security "restricted" requires every container, init container and ephemeral container to drop
#   ALL capabilities (securityContext.capabilities.drop must include "ALL") and to add back nothing but
#   NET_BIND_SERVICE. Capabilities the runtime grants by default (CHOWN, SETUID, NET_RAW, ...) are root
#   powers a compromised process does not need. Pods with spec.os.name: windows are exempt, as upstream
#   exempts them (policy v1.25+).
# custom:
#   id: SC-018
#   severity: block
#   remediation: |
#     Drop everything and add back only what the process needs, at most NET_BIND_SERVICE:
#     ```yaml
#     securityContext:
#       capabilities:
#         drop: ["ALL"]
#     ```
#   docs: https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
findings contains finding if {
	some workload in input.workloads
	restricted_checked(workload)
	spec := pod_spec(workload)
	not windows_relaxed(workload, spec)
	some c in containers(spec)
	some violation in restricted_capability_violations(c)
	finding := {
		"rule": "SC-018",
		"message": violation.message,
		"workload": workload.id,
		"path": violation.path,
	}
}

restricted_capability_violations(c) := array.concat(
	[violation |
		not "ALL" in array_or_empty(object_or_empty(c.security_context, "capabilities"), "drop")
		violation := {
			"message": sprintf("%s does not drop ALL capabilities (securityContext.capabilities.drop)", [c.label]),
			"path": array.concat(c.path, ["securityContext", "capabilities", "drop"]),
		}
	],
	[violation |
		some i, capability in array_or_empty(object_or_empty(c.security_context, "capabilities"), "add")
		capability != "NET_BIND_SERVICE"
		violation := {
			"message": sprintf(
				"%s adds capability %s; restricted allows only NET_BIND_SERVICE",
				[c.label, value_text(capability)],
			),
			"path": array.concat(c.path, ["securityContext", "capabilities", "add", i]),
		}
	],
)
