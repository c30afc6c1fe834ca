package resilience.chaos_readiness_test

import data.resilience.chaos_readiness

test_cr_006_invalid_signature_even_beside_a_valid_one if {
	tampered := object.union(
		redis_result,
		{"id": 3, "signature": "invalid", "signature_detail": "changed after it was signed"},
	)
	doc := with_results([payments_result, redis_result, tampered, pod_loss_result])
	found := chaos_readiness.findings with input as doc
	rules(found) == {"CR-006"}
	some f in found
	f.path == ["signature", "value"]
}
