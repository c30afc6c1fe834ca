package resilience.readiness

# METADATA
# scope: rule
# title: A workload is selected by no allow-list NetworkPolicy
# description: |
#   Behind a default deny, a workload needs a NetworkPolicy with ingress or egress rules that selects it:
#   its allow-list. One without is either unreachable (and broken) or reachable only because the deny is
#   missing.
# custom:
#   id: RD-041
#   severity: block
#   remediation: |
#     Add a NetworkPolicy selecting the workload's pods that allows its callers and the dependencies it calls.
#   docs: docs/readiness.md#rd-041
findings contains finding if {
	some workload in input.workloads
	count(workload.network.allow_policies) == 0
	tier := workload_tier(workload)
	finding := {
		"rule": "RD-041",
		"severity": severity(tier),
		"message": sprintf(
			"no NetworkPolicy with ingress or egress rules selects %s %s",
			[workload.kind, workload.name],
		),
		"place": workload.place,
	}
}
