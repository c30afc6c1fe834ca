# The readiness fixtures (fixtures/readiness/) judged by opa itself, through the shared mismatch helper.
package resilience.readiness_fixture_cases_test

import data.resilience.fixture_cases_test

test_readiness_fixture_cases if {
	# regal ignore:unresolved-reference
	count(data.readiness.policy_cases) > 0
	bad := fixture_cases_test.mismatches("readiness")

	# regal ignore:print-or-trace-call
	print(bad)
	count(bad) == 0
}
