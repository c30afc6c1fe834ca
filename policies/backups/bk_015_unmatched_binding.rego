package resilience.backups

# METADATA
# title: A catalog backup reference matches nothing
# description: |
#   The catalog (or the config) binds a backup definition to a store by kind and name, but no such
#   definition is among the manifests, charts and kustomizations read: a renamed object or a missing
#   input.
# custom:
#   id: BK-015
#   severity: warn
#   remediation: |
#     Fix the reference's kind, name or namespace, or add the manifests that define it to the gate's
#     inputs.
#   docs: docs/backups.md#bk-015
findings contains finding if {
	some binding in input.bindings
	binding.store_known
	not binding.matched
	finding := {
		"rule": "BK-015",
		"message": sprintf(
			"the %s binds %s %s to store %s, but the manifests read have no such backup definition",
			[binding.origin, binding.kind, binding_name(binding), binding.store],
		),
		"binding": binding.id,
	}
}

binding_name(binding) := sprintf("%s/%s", [binding.namespace, binding.name]) if binding.namespace != ""

else := binding.name
