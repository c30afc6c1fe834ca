# The release fixtures (fixtures/release/) judged by opa itself, through the shared mismatch helper.
package resilience.release_fixture_cases_test

import data.resilience.fixture_cases_test

test_release_fixture_cases if {
	# regal ignore:unresolved-reference
	count(data.release.policy_cases) > 0
	bad := fixture_cases_test.mismatches("release")

	# regal ignore:print-or-trace-call
	print(bad)
	count(bad) == 0
}
