package resilience.chaos_readiness_test

import data.resilience.chaos_readiness

test_cr_010_expectation_not_observed if {
	unobserved := [{
		"index": 0,
		"description": "the rate limiter fails open",
		"observed": false,
		"detail": "rate_limit_errors_total rose by 0",
	}]
	failed := object.union(
		redis_result,
		{"result": "failed", "expectations": unobserved, "failures": ["expected degradation not observed"]},
	)
	found := chaos_readiness.findings with input as with_results([payments_result, failed, pod_loss_result])
	rules(found) == {"CR-010"}
	some f in found
	f.path == ["expectations", 0, "observed"]
}

test_cr_010_no_expectation_for_a_dependency if {
	none := object.union(redis_result, {"expectations": []})
	rules(chaos_readiness.findings) == {"CR-010"} with input as with_results([payments_result, none, pod_loss_result])
}

test_cr_010_pod_loss_needs_no_expectation if {
	none := object.union(pod_loss_result, {"expectations": []})
	count(chaos_readiness.findings) == 0 with input as with_results([payments_result, redis_result, none])
}
