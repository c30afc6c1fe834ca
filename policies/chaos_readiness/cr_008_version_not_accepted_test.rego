package resilience.chaos_readiness_test

import data.resilience.chaos_readiness

pinned := object.union(api, {"accept_versions": ["1.5.0", "2.*"]})

test_cr_008_other_version_is_not_counted if {
	found := chaos_readiness.findings with input as object.union(base, {"services": [pinned]})
	rules(found) == {"CR-001", "CR-002", "CR-008"}
	count([f | some f in found; f.rule == "CR-008"]) == 3
}

test_cr_008_prefix_and_exact_versions_are_accepted if {
	results := [
		object.union(payments_result, {"service_version": "2.0.1"}),
		object.union(redis_result, {"service_version": "1.5.0"}),
		object.union(pod_loss_result, {"service_version": "2.1.0"}),
	]
	count(chaos_readiness.findings) == 0 with input as object.union(base, {"services": [pinned], "results": results})
}

test_cr_008_older_result_of_another_version_is_history if {
	results := [
		object.union(payments_result, {"service_version": "2.0.1"}),
		object.union(redis_result, {"service_version": "1.5.0"}),
		object.union(pod_loss_result, {"service_version": "2.1.0"}),
		object.union(
			redis_result,
			{
				"id": 3,
				"file": "results/3.json",
				"finished": now - 90000,
				"recovered": now - 90001,
				"fault_ended": now - 90002,
				"fault_started": now - 90003,
				"started": now - 90004,
			},
		),
	]
	count(chaos_readiness.findings) == 0 with input as object.union(base, {"services": [pinned], "results": results})
}

test_cr_008_no_version_recorded if {
	results := [payments_result, object.union(redis_result, {"service_version": null}), pod_loss_result]
	accept := object.union(api, {"accept_versions": ["1.4.0"]})
	some f in chaos_readiness.findings with input as object.union(base, {"services": [accept], "results": results})
	f.rule == "CR-008"
	contains(f.message, "(none recorded)")
}
