package resilience.chaos_readiness_test

import data.resilience.chaos_readiness

test_cr_009_slo_missed_during_the_fault if {
	missed := object.union(
		sli_during,
		{"ratio": 0.9, "samples": 400, "met": false, "text": "api-availability#0 90% over 400 (target 0.999)"},
	)
	failed := object.union(
		redis_result,
		{
			"result": "failed",
			"slis": [sli_before, missed, sli_after],
			"failures": ["SLOs missed during the fault"],
		},
	)
	found := chaos_readiness.findings with input as with_results([payments_result, failed, pod_loss_result])
	rules(found) == {"CR-009"}
	some f in found
	f.rule == "CR-009"
	f.path == ["slis", 1, "met"]
	contains(
		f.message,
		"missed SLO api-availability objective 0 during the fault: api-availability#0 90% over 400 (target 0.999)",
	)
}

test_cr_009_not_required_during_is_not_judged if {
	unmet := object.union(sli_during, {"ratio": 0, "samples": 50, "met": false, "required": false})
	ok := object.union(pod_loss_result, {"slis": [sli_before, unmet, sli_after]})
	count(chaos_readiness.findings) == 0 with input as with_results([payments_result, redis_result, ok])
}
