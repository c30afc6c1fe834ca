package resilience.readiness

# METADATA
# scope: rule
# title: A workload belongs to no service of the catalog
# description: |
#   A Deployment, StatefulSet, DaemonSet or Rollout in the manifests is named by no service or store of
#   the catalog (`workloads:`), or its resilience-gates.io/service label names a service the catalog
#   does not have: nobody owns it, so nothing of readiness is judged for it.
# custom:
#   id: RD-003
#   severity: block
#   remediation: |
#     Add the workload's name to its service's (or store's) `workloads:` in the catalog, or label it
#     `resilience-gates.io/service: <service>` with a service the catalog names.
#   docs: docs/readiness.md#rd-003
findings contains finding if {
	some workload in input.workloads
	workload.service == null
	workload.store == null
	finding := {
		"rule": "RD-003",
		"message": sprintf(
			"%s %s belongs to no service or store of %s (known services: %s)",
			[workload.kind, workload.name, input.catalog, known_services],
		),
		"place": workload.place,
	}
}

findings contains finding if {
	some workload in input.workloads
	workload.label_service != null
	not service_by_name[workload.label_service]
	finding := {
		"rule": "RD-003",
		"message": sprintf(
			"%s %s is labelled resilience-gates.io/service: %s, which is not in %s (known services: %s)",
			[workload.kind, workload.name, workload.label_service, input.catalog, known_services],
		),
		"place": workload.label_place,
	}
}
