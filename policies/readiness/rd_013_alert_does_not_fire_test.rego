package resilience.readiness_test

import data.resilience.readiness

test_rd_013_silent_on_burn if {
	test := object.union(alert.test, {"burn_passed": false, "burn_message": "got: nil"})
	silent := object.union(alert, {"test": test})
	found := readiness.findings with input as with_input({"alerts": [silent]})
	rules(found) == {"RD-013"}
	some f in found
	contains(f.message, "within 9 minutes")
}

test_rd_013_noisy_when_healthy if {
	test := object.union(alert.test, {"healthy_passed": false, "healthy_message": "got: [...]"})
	noisy := object.union(alert, {"test": test})
	found := readiness.findings with input as with_input({"alerts": [noisy]})
	rules(found) == {"RD-013"}
}

test_rd_013_untestable if {
	odd := object.union(alert, {"test": object.union(alert.test, {"problem": "no label values satisfy the matchers"})})
	found := readiness.findings with input as with_input({"alerts": [odd]})
	rules(found) == {"RD-013"}
}
