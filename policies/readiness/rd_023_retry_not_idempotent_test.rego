package resilience.readiness_test

import data.resilience.readiness

test_rd_023_post_retried if {
	post := object.union(route, {"methods": ["POST"]})
	found := readiness.findings with input as with_input({"routes": [post]})
	rules(found) == {"RD-023"}
}

test_rd_023_any_method_retried if {
	found := readiness.findings with input as with_input({"routes": [object.union(route, {"methods": []})]})
	rules(found) == {"RD-023"}
}

test_rd_023_post_with_key_passes if {
	keyed := object.union(route, {"methods": ["POST"], "required_headers": ["idempotency-key"]})
	count(readiness.findings) == 0 with input as with_input({"routes": [keyed]})
}
