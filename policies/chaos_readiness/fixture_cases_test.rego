# The chaos-readiness fixtures (fixtures/chaos-readiness/) judged by opa itself, through the shared helper.
package resilience.chaos_readiness_fixture_cases_test

import data.resilience.fixture_cases_test

test_chaos_readiness_fixture_cases if {
	# regal ignore:unresolved-reference
	count(data.chaos_readiness.policy_cases) > 0
	bad := fixture_cases_test.mismatches("chaos_readiness")

	# regal ignore:print-or-trace-call
	print(bad)
	count(bad) == 0
}
