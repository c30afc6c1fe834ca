package resilience.chaos_readiness_test

import data.resilience.chaos_readiness

test_cr_001_no_result_for_a_dependency if {
	found := chaos_readiness.findings with input as with_results([payments_result, pod_loss_result])
	rules(found) == {"CR-001"}
	some f in found
	f.dependency_index == 1
	contains(f.message, "dependency ratelimit-redis: no experiment is declared for it")
}

test_cr_001_names_the_declared_experiment if {
	declared := {
		"name": "api-redis-down",
		"service": "api",
		"dependency": "ratelimit-redis",
		"pod_loss": false,
		"target": "local",
		"file": ".resilience/chaos.yaml",
		"line": 52,
	}
	doc := object.union(
		with_results([payments_result, pod_loss_result]),
		{"experiments": [declared], "experiments_file": ".resilience/chaos.yaml"},
	)
	some f in chaos_readiness.findings with input as doc
	contains(f.message, "experiment api-redis-down (.resilience/chaos.yaml line 52) has no result among the 2 read")
}

test_cr_001_result_for_another_service_does_not_count if {
	other := object.union(redis_result, {"service": "payments"})
	doc := with_results([payments_result, other, pod_loss_result])
	rules(chaos_readiness.findings) == {"CR-001"} with input as doc
}

test_cr_001_forged_result_does_not_count if {
	forged := object.union(redis_result, {"signature": "invalid"})
	found := chaos_readiness.findings with input as with_results([payments_result, forged, pod_loss_result])
	rules(found) == {"CR-001", "CR-006"}
	some f in found
	f.rule == "CR-001"
	contains(f.message, "1 results name it, none counts")
}
