package resilience.security_context

# METADATA
# title: Container without CPU and memory requests or a memory limit
# description: |
#   Good practice: every container and init container declares resources.requests.cpu,
#   resources.requests.memory and resources.limits.memory. Without requests the scheduler packs pods
#   blindly and the pod is evicted first under pressure; without a memory limit one leaking container
#   can take the node's memory from its neighbours. A request the API server defaults from the matching
#   limit counts as set. Ephemeral containers cannot declare resources and are not checked.
# custom:
#   id: SC-022
#   severity: block
#   remediation: |
#     Declare what the container needs (values from its measured usage):
#     ```yaml
#     resources:
#       requests:
#         cpu: 100m
#         memory: 128Mi
#       limits:
#         memory: 256Mi
#     ```
#   docs: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
findings contains finding if {
	some workload in input.workloads
	some c in containers(pod_spec(workload))
	c.key != "ephemeralContainers"
	resources := object_or_empty(c.container, "resources")
	missing := [field |
		some field in resource_fields
		not resource_declared(resources, field)
	]
	count(missing) > 0
	names := [concat(".", field) | some field in missing]
	finding := {
		"rule": "SC-022",
		"message": sprintf("%s does not declare resources %s", [c.label, concat(", ", names)]),
		"workload": workload.id,
		"path": array.concat(c.path, array.concat(["resources"], common_prefix(missing))),
	}
}

resource_fields := [["requests", "cpu"], ["requests", "memory"], ["limits", "memory"]]

resource_declared(resources, [section, name]) if {
	quantity_set(object_or_empty(resources, section), name)
}

# The API server defaults a missing request to the limit.
resource_declared(resources, ["requests", name]) if {
	quantity_set(object_or_empty(resources, "limits"), name)
}

quantity_set(section, name) if {
	has_value(section, name)
	section[name] != ""
}

# common_prefix of the missing fields: the node under resources to point at.
common_prefix([field]) := field

common_prefix(fields) := [] if {
	count(fields) > 1
	some field in fields
	field[0] != fields[0][0]
}

common_prefix(fields) := [fields[0][0]] if {
	count(fields) > 1
	every field in fields {
		field[0] == fields[0][0]
	}
}
