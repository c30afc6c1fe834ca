package resilience.load_budget

# METADATA
# title: Error rate over budget
# description: |
#   The share of an endpoint's requests that k6 counted as failed (http_req_failed: a network error or
#   a status outside the script's expected responses, 200-399 by default) is above its maxErrorRate.
# custom:
#   id: LB-003
#   severity: block
#   remediation: |
#     Look at the failing requests in the service's logs (status and route) and fix the cause, or
#     change maxErrorRate in .resilience/load-budgets.yaml in a reviewed change.
#   docs: docs/load-budget.md#lb-003
findings contains finding if {
	some e in input.endpoints
	e.budget.max_error_rate != null
	e.measured.error_rate > e.budget.max_error_rate
	finding := {
		"rule": "LB-003",
		"message": sprintf(
			"endpoint %s: error rate %s (%d of %d requests failed) is over its budget of %s",
			[e.endpoint, e.text.error_rate, e.measured.errors, e.measured.samples, e.text.budget_error_rate],
		),
		"endpoint": e.id,
		"field": "maxErrorRate",
	}
}
