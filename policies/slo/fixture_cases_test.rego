# The slo fixtures (fixtures/slo/) judged by opa itself, through the shared helper.
package resilience.slo_fixture_cases_test

import data.resilience.fixture_cases_test

test_slo_fixture_cases if {
	# regal ignore:unresolved-reference
	count(data.slo.policy_cases) > 0
	bad := fixture_cases_test.mismatches("slo")

	# regal ignore:print-or-trace-call
	print(bad)
	count(bad) == 0
}
