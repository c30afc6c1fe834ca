package resilience.load_budget_test

import data.resilience.load_budget

endpoint(measured) := {
	"id": 0,
	"endpoint": "create-payment",
	"budget": {"p95_ms": 300, "p99_ms": 800, "max_error_rate": 0.01, "min_throughput_rps": 5, "min_samples": 10},
	"measured": object.union(
		{"samples": 500, "p95_ms": 120, "p99_ms": 300, "error_rate": 0, "errors": 0, "throughput_rps": 10},
		measured,
	),
	"text": {
		"p95": "412 ms", "p99": "900 ms", "error_rate": "4.2%", "throughput": "3.1 req/s",
		"budget_p95": "300 ms", "budget_p99": "800 ms",
		"budget_error_rate": "1%", "budget_throughput": "5 req/s",
	},
}

judge(measured) := {f.rule |
	# regal ignore:with-outside-test-context
	some f in load_budget.findings with input as {"endpoints": [endpoint(measured)], "thresholds": []}
}

test_within_budget_passes if {
	judge({}) == set()
}

test_lb_001_p95_over if {
	judge({"p95_ms": 412}) == {"LB-001"}
}

test_lb_001_at_budget_passes if {
	judge({"p95_ms": 300}) == set()
}

test_lb_001_message if {
	some f in load_budget.findings with input as {"endpoints": [endpoint({"p95_ms": 412})], "thresholds": []}
	f.message == "endpoint create-payment: p95 latency 412 ms is over its budget of 300 ms (500 requests)"
	f.field == "p95Ms"
}

test_lb_002_p99_over if {
	judge({"p99_ms": 900}) == {"LB-002"}
}

test_lb_003_error_rate_over if {
	measured := endpoint({"error_rate": 0.042, "errors": 21})
	some f in load_budget.findings with input as {"endpoints": [measured], "thresholds": []}
	f.rule == "LB-003"
	f.message == "endpoint create-payment: error rate 4.2% (21 of 500 requests failed) is over its budget of 1%"
}

test_lb_004_throughput_under if {
	judge({"throughput_rps": 3.1}) == {"LB-004"}
}

test_unset_budgets_are_not_judged if {
	e := object.union(endpoint({"p95_ms": 9999, "throughput_rps": 0.1}), {"budget": {
		"p95_ms": null, "p99_ms": null,
		"max_error_rate": null, "min_throughput_rps": null, "min_samples": 1,
	}})
	found := load_budget.findings with input as {"endpoints": [e], "thresholds": []}
	count(found) == 0
}

test_lb_005_failed_threshold if {
	t := {"id": 0, "metric": "http_req_duration{endpoint:get-payment}", "expression": "p(95)<150", "passed": false}
	some f in load_budget.findings with input as {"endpoints": [], "thresholds": [t]}
	f.rule == "LB-005"
	f.message == "k6 threshold 'p(95)<150' on http_req_duration{endpoint:get-payment} failed"
}

test_lb_005_passed_threshold_is_quiet if {
	t := {"id": 0, "metric": "http_reqs", "expression": "count>0", "passed": true}
	found := load_budget.findings with input as {"endpoints": [], "thresholds": [t]}
	count(found) == 0
}
