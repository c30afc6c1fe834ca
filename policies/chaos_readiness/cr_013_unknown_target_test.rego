package resilience.chaos_readiness_test

import data.resilience.chaos_readiness

test_cr_013_unknown_service if {
	orphan := object.union(redis_result, {"id": 3, "service": "search", "service_known": false})
	doc := with_results([payments_result, redis_result, orphan, pod_loss_result])
	found := chaos_readiness.findings with input as doc
	rules(found) == {"CR-013"}
}

test_cr_013_undeclared_dependency if {
	orphan := object.union(redis_result, {"id": 3, "dependency": "memcached", "dependency_declared": false})
	doc := with_results([payments_result, redis_result, orphan, pod_loss_result])
	some f in chaos_readiness.findings with input as doc
	f.rule == "CR-013"
	contains(f.message, "dependency memcached")
}
