package resilience.security_context

# METADATA
# title: AppArmor profile overridden or disabled
# description: |
#   Pod Security "baseline" allows only the runtime's default AppArmor profile or a profile loaded on the
#   node. It forbids securityContext.appArmorProfile.type other than RuntimeDefault or Localhost (pod
#   level and every container kind), and the deprecated annotation
#   container.apparmor.security.beta.kubernetes.io/<container> with a value other than runtime/default,
#   localhost/<profile> or empty. Unconfined turns off the mandatory access control that limits what a
#   compromised process can touch.
# custom:
#   id: SC-008
#   severity: block
#   remediation: |
#     Use the runtime default profile (or a Localhost profile) in the securityContext, and drop the
#     deprecated annotation:
#     ```yaml
#     securityContext:
#       appArmorProfile:
#         type: RuntimeDefault
#     ```
#   docs: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
findings contains finding if {
	some workload in input.workloads
	baseline_checked(workload)
	some violation in apparmor_violations(workload)
	finding := {
		"rule": "SC-008",
		"message": violation.message,
		"workload": workload.id,
		"path": violation.path,
	}
}

apparmor_annotation_prefix := "container.apparmor.security.beta.kubernetes.io/"

apparmor_allowed_types := {"RuntimeDefault", "Localhost"}

apparmor_violations(workload) := array.concat(
	[violation |
		some setter in pod_and_container_contexts(pod_spec(workload))
		profile := setter.security_context.appArmorProfile
		profile != null
		type := value_or(object_or_empty(setter.security_context, "appArmorProfile"), "type", "")
		not type in apparmor_allowed_types
		violation := {
			"message": sprintf(
				"%s sets securityContext.appArmorProfile.type to %s; only RuntimeDefault or Localhost are allowed",
				[setter.label, value_text(type)],
			),
			"path": array.concat(setter.path, ["appArmorProfile", "type"]),
		}
	],
	[violation |
		some key, value in object_or_empty(pod_metadata(workload), "annotations")
		startswith(key, apparmor_annotation_prefix)
		not apparmor_annotation_allowed(value)
		violation := {
			"message": sprintf(
				"annotation %s is %s; only runtime/default or localhost/<profile> are allowed",
				[key, value_text(value)],
			),
			"path": ["metadata", "annotations", key],
		}
	],
)

# Empty (and null, which Go decodes into an empty string) leaves the default profile in place.
apparmor_annotation_allowed("")

apparmor_annotation_allowed(null)

apparmor_annotation_allowed("runtime/default")

apparmor_annotation_allowed(value) if {
	is_string(value)
	startswith(value, "localhost/")
}
