package resilience.readiness

# METADATA
# scope: rule
# title: The catalog names a workload the manifests do not have
# description: |
#   A service's or store's `workloads:` entry matches no Deployment, StatefulSet, DaemonSet or Rollout
#   among the manifests, charts and kustomizations read: a renamed object or a missing input, and then
#   nothing of that workload is judged.
# custom:
#   id: RD-008
#   severity: warn
#   remediation: |
#     Fix the name in the catalog, or add the manifests that define the workload to the gate's inputs.
#   docs: docs/readiness.md#rd-008
findings contains finding if {
	some entry in input.catalog_workloads
	not entry.matched
	finding := {
		"rule": "RD-008",
		"message": sprintf(
			"service %s names workload %s, which is not among the objects read",
			[entry.service, entry.name],
		),
		"place": entry.place,
	}
}
