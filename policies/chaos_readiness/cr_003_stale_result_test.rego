package resilience.chaos_readiness_test

import data.resilience.chaos_readiness

old_times := {
	"started": now - 8640000, "fault_started": now - 8639990, "fault_ended": now - 8639980,
	"recovered": now - 8639979, "finished": now - 8639970,
}

test_cr_003_older_than_the_quarter if {
	doc := with_results([payments_result, object.union(redis_result, old_times), pod_loss_result])
	found := chaos_readiness.findings with input as doc
	rules(found) == {"CR-003"}
	some f in found
	f.result == 1
	contains(f.message, "finished 99d ago, longer than its tier 1 cadence 90d")
}

test_cr_003_configured_cadence if {
	monthly := object.union(api, {"cadence_seconds": 2592000, "cadence_text": "30d", "cadence_configured": true})
	doc := object.union(base, {"services": [monthly]})
	fresh := chaos_readiness.findings with input as doc
	count(fresh) == 0
	aged := object.union(
		redis_result,
		{
			"finished": now - 2600000,
			"recovered": now - 2600001,
			"fault_ended": now - 2600002,
			"fault_started": now - 2600003,
			"started": now - 2600004,
		},
	)
	some f in chaos_readiness.findings with input as object.union(
		doc,
		{"results": [payments_result, aged, pod_loss_result]},
	)
	contains(f.message, "cadence 30d (configured)")
}

test_cr_003_a_newer_result_supersedes if {
	count(chaos_readiness.findings) == 0 with input as with_results([
		payments_result,
		object.union(object.union(redis_result, {"id": 3, "file": "results/3.json"}), old_times),
		redis_result,
		pod_loss_result,
	])
}
