package resilience.load_budget

# METADATA
# title: p99 latency over budget
# description: |
#   The 99th percentile of http_req_duration of an endpoint is above its p99Ms budget. k6 leaves p(99)
#   out of its summary unless asked; the gate always asks for it.
# custom:
#   id: LB-002
#   severity: block
#   remediation: |
#     Find what makes the slowest requests slow (lock waits, cold caches, retries, GC pauses) and fix
#     it, or change p99Ms in .resilience/load-budgets.yaml in a reviewed change.
#   docs: docs/load-budget.md#lb-002
findings contains finding if {
	some e in input.endpoints
	e.budget.p99_ms != null
	e.measured.p99_ms > e.budget.p99_ms
	finding := {
		"rule": "LB-002",
		"message": sprintf(
			"endpoint %s: p99 latency %s is over its budget of %s (%d requests)",
			[e.endpoint, e.text.p99, e.text.budget_p99, e.measured.samples],
		),
		"endpoint": e.id,
		"field": "p99Ms",
	}
}
