package resilience.chaos_readiness_test

import data.resilience.chaos_readiness

test_cr_002_no_pod_loss_result if {
	found := chaos_readiness.findings with input as with_results([payments_result, redis_result])
	rules(found) == {"CR-002"}
	some f in found
	f.service == 0
	not f.dependency_index
}

test_cr_002_a_dependency_result_is_no_pod_loss_result if {
	doc := with_results([payments_result, redis_result, object.union(redis_result, {"id": 3})])
	rules(chaos_readiness.findings) == {"CR-002"} with input as doc
}
