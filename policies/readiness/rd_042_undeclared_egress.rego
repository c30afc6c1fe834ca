package resilience.readiness

# METADATA
# scope: rule
# title: A workload may call something its service does not declare as a dependency
# description: |
#   A NetworkPolicy lets a service's workload send to pods of another service or store of the catalog
#   (or to anywhere) that the service's `dependencies:` do not name. Either the catalog is incomplete
#   (and the dependency has no kill switch or chaos experiment) or the policy allows more than needed.
# custom:
#   id: RD-042
#   severity: warn
#   remediation: |
#     Add the dependency to the service in the catalog, or narrow the NetworkPolicy's egress.
#   docs: docs/readiness.md#rd-042
findings contains finding if {
	some workload in service_workloads
	service := service_by_name[workload.service]
	some peer in workload.network.egress
	some target in peer_owners(peer)
	target != service.name
	not target in service.dependencies
	finding := {
		"rule": "RD-042",
		"message": sprintf(
			"%s %s may send to %s, which service %s does not list in its dependencies (%s)",
			[workload.kind, workload.name, target, service.name, concat(", ", service.dependencies)],
		),
		"place": peer.place,
	}
}

findings contains finding if {
	some workload in service_workloads
	some peer in workload.network.egress
	count(peer.workloads) == 0
	startswith(peer.target, "anywhere")
	finding := {
		"rule": "RD-042",
		"message": sprintf("%s %s may send to %s", [workload.kind, workload.name, peer.target]),
		"place": peer.place,
	}
}

# The services and stores that own the workloads a peer selects.
peer_owners(peer) := {owner |
	some name in peer.workloads
	some other in input.workloads
	other.name == name
	owner := workload_owner(other)
}

workload_owner(workload) := workload.store if workload.store != null

else := workload.service
