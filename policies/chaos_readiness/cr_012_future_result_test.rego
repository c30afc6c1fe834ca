package resilience.chaos_readiness_test

import data.resilience.chaos_readiness

test_cr_012_from_the_future if {
	future := object.union(
		redis_result,
		{
			"started": now + 86000,
			"fault_started": now + 86010,
			"fault_ended": now + 86020,
			"recovered": now + 86021,
			"finished": now + 86400,
		},
	)
	found := chaos_readiness.findings with input as with_results([payments_result, future, pod_loss_result])
	rules(found) == {"CR-001", "CR-012"}
	some f in found
	f.rule == "CR-012"
	contains(f.message, "finished 24h in the future")
}

test_cr_012_clock_skew_is_tolerated if {
	skewed := object.union(redis_result, {"finished": now + 200})
	count(chaos_readiness.findings) == 0 with input as with_results([payments_result, skewed, pod_loss_result])
}
