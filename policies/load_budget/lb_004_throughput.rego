package resilience.load_budget

# METADATA
# title: Throughput under budget
# description: |
#   The endpoint served fewer requests per second over the whole run (http_reqs rate) than its
#   minThroughputRps budget: the service could not keep up with the offered load, or the script did
#   not offer it.
# custom:
#   id: LB-004
#   severity: block
#   remediation: |
#     Check for dropped iterations and saturated VUs in the k6 output and for queueing in the service;
#     raise capacity or fix the bottleneck, or change minThroughputRps in a reviewed change.
#   docs: docs/load-budget.md#lb-004
findings contains finding if {
	some e in input.endpoints
	e.budget.min_throughput_rps != null
	e.measured.throughput_rps < e.budget.min_throughput_rps
	finding := {
		"rule": "LB-004",
		"message": sprintf(
			"endpoint %s: throughput %s is under its budget of %s",
			[e.endpoint, e.text.throughput, e.text.budget_throughput],
		),
		"endpoint": e.id,
		"field": "minThroughputRps",
	}
}
