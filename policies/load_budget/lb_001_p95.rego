package resilience.load_budget

# METADATA
# title: p95 latency over budget
# description: |
#   The 95th percentile of http_req_duration of an endpoint (the requests carrying one value of the
#   budgets' k6 tag) is above the endpoint's p95Ms budget in .resilience/load-budgets.yaml.
# custom:
#   id: LB-001
#   severity: block
#   remediation: |
#     Make the endpoint faster (profile the slow path, add an index or a cache), or, if the budget no
#     longer matches what users need, change p95Ms in .resilience/load-budgets.yaml in a reviewed change.
#   docs: docs/load-budget.md#lb-001
findings contains finding if {
	some e in input.endpoints
	e.budget.p95_ms != null
	e.measured.p95_ms > e.budget.p95_ms
	finding := {
		"rule": "LB-001",
		"message": sprintf(
			"endpoint %s: p95 latency %s is over its budget of %s (%d requests)",
			[e.endpoint, e.text.p95, e.text.budget_p95, e.measured.samples],
		),
		"endpoint": e.id,
		"field": "p95Ms",
	}
}
