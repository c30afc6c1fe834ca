package resilience.readiness

# METADATA
# scope: rule
# title: A workload is not covered by a default-deny NetworkPolicy
# description: |
#   Every workload of the catalog must be selected by a NetworkPolicy that denies what it does not
#   allow: policyTypes Ingress (and Egress) with no rules of that type, over the whole namespace
#   (`podSelector: {}`) or over the release's pods. Allow-lists then open only the paths the service
#   needs; without the deny, an allow-list is only a comment.
# custom:
#   id: RD-040
#   severity: block
#   remediation: |
#     Add a NetworkPolicy with `podSelector: {}` and `policyTypes: [Ingress, Egress]` and no rules to the namespace.
#   docs: docs/readiness.md#rd-040
findings contains finding if {
	some workload in input.workloads
	tier := workload_tier(workload)
	some direction in ["ingress", "egress"]
	not workload.network[sprintf("deny_%s", [direction])]
	finding := {
		"rule": "RD-040",
		"severity": severity(tier),
		"message": sprintf(
			"no default-deny NetworkPolicy (policyTypes %s without %s rules) selects %s %s",
			[direction_type(direction), direction, workload.kind, workload.name],
		),
		"place": workload.place,
	}
}

direction_type("ingress") := "Ingress"

direction_type("egress") := "Egress"
