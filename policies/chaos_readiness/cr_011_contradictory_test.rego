package resilience.chaos_readiness_test

import data.resilience.chaos_readiness

messages(found, rule) := concat("\n", [f.message | some f in found; f.rule == rule])

test_cr_011_passed_with_failures if {
	bad := object.union(redis_result, {"failures": ["SLOs missed during the fault"]})
	found := chaos_readiness.findings with input as with_results([payments_result, bad, pod_loss_result])
	rules(found) == {"CR-001", "CR-011"}
	contains(messages(found, "CR-011"), "says passed but lists 1 failures")
}

test_cr_011_passed_with_an_unmet_slo if {
	missed := object.union(sli_during, {"met": false, "ratio": 0.5})
	bad := object.union(redis_result, {"slis": [sli_before, missed, sli_after]})
	found := chaos_readiness.findings with input as with_results([payments_result, bad, pod_loss_result])
	contains(messages(found, "CR-011"), "says passed but SLO api-availability objective 0 was missed during the fault")
}

test_cr_011_times_out_of_order if {
	bad := object.union(redis_result, {"finished": now - 86395})
	found := chaos_readiness.findings with input as with_results([payments_result, bad, pod_loss_result])
	contains(messages(found, "CR-011"), "finished is earlier than fault_ended")
}

test_cr_011_more_errors_than_requests if {
	phases := {"before": {"requests": 1, "errors": 2, "aborted": false}, "during": null, "after": null}
	bad := object.union(redis_result, {"phases": phases})
	found := chaos_readiness.findings with input as with_results([payments_result, bad, pod_loss_result])
	contains(messages(found, "CR-011"), "its before phase counts more errors than requests")
}

test_cr_011_met_without_samples_and_against_its_ratio if {
	slis := [sli_before, object.union(sli_during, {"samples": 0}), object.union(sli_after, {"ratio": 0.5})]
	bad := object.union(redis_result, {"slis": slis})
	found := chaos_readiness.findings with input as with_results([payments_result, bad, pod_loss_result])
	text := messages(found, "CR-011")
	contains(text, "is met with no samples")
	contains(text, "`met` disagrees with its own ratio and target")
}

test_cr_011_never_injected if {
	bad := object.union(redis_result, {"fault_started": null, "fault_ended": null})
	found := chaos_readiness.findings with input as with_results([payments_result, bad, pod_loss_result])
	contains(messages(found, "CR-011"), "says passed but the fault was never injected")
}

test_cr_011_pod_loss_and_dependency if {
	bad := object.union(redis_result, {"pod_loss": true})
	found := chaos_readiness.findings with input as with_results([payments_result, bad, pod_loss_result])
	contains(messages(found, "CR-011"), "it names both a dependency and pod loss, or neither")
}

test_cr_011_negative_recovery if {
	bad := object.union(redis_result, {"recovery_seconds": -3})
	found := chaos_readiness.findings with input as with_results([payments_result, bad, pod_loss_result])
	contains(messages(found, "CR-011"), "its recovery time is negative")
}

test_cr_011_unsigned_contradictions_are_left_to_cr_005 if {
	bad := object.union(redis_result, {"failures": ["x"], "signature": "missing"})
	found := chaos_readiness.findings with input as with_results([payments_result, bad, pod_loss_result])
	rules(found) == {"CR-001", "CR-005"}
}
