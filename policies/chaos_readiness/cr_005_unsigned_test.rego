package resilience.chaos_readiness_test

import data.resilience.chaos_readiness

test_cr_005_unsigned_is_reported_and_not_counted if {
	unsigned := object.union(redis_result, {"signature": "missing"})
	doc := with_results([payments_result, unsigned, pod_loss_result])
	rules(chaos_readiness.findings) == {"CR-001", "CR-005"} with input as doc
}

test_cr_005_even_beside_a_valid_one if {
	unsigned := object.union(redis_result, {"id": 3, "signature": "missing"})
	doc := with_results([payments_result, redis_result, unsigned, pod_loss_result])
	rules(chaos_readiness.findings) == {"CR-005"} with input as doc
}
