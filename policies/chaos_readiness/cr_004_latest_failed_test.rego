package resilience.chaos_readiness_test

import data.resilience.chaos_readiness

undo_failed := object.union(redis_result, {
	"id": 3, "file": "results/3.json", "result": "failed", "finished": now - 100,
	"undone": [{"index": 0, "what": "start redis again", "ok": false}],
	"failures": ["undo failed: start redis again: exit 1"],
})

test_cr_004_newest_failed if {
	doc := with_results([payments_result, redis_result, undo_failed, pod_loss_result])
	found := chaos_readiness.findings with input as doc
	rules(found) == {"CR-004"}
	some f in found
	f.result == 3
	contains(f.message, "failed: undo failed: start redis again: exit 1")
}

test_cr_004_older_failure_is_history if {
	older := object.union(
		undo_failed,
		{
			"finished": now - 90000,
			"recovered": now - 90001,
			"fault_ended": now - 90002,
			"fault_started": now - 90003,
			"started": now - 90004,
		},
	)
	doc := with_results([payments_result, redis_result, older, pod_loss_result])
	count(chaos_readiness.findings) == 0 with input as doc
}

test_cr_004_aborted if {
	aborted := object.union(undo_failed, {
		"result": "aborted", "undone": [{"index": 0, "what": "x", "ok": true}],
		"phases": {"before": null, "during": {"requests": 40, "errors": 30, "aborted": true}, "after": null},
		"failures": ["the steady state broke beyond the abort limit"],
	})
	doc := with_results([payments_result, redis_result, aborted, pod_loss_result])
	rules(chaos_readiness.findings) == {"CR-004"} with input as doc
}
