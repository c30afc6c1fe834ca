# The backups fixtures (fixtures/backups/) judged by opa itself, through the shared mismatch helper.
package resilience.backups_fixture_cases_test

import data.resilience.fixture_cases_test

test_backups_fixture_cases if {
	# regal ignore:unresolved-reference
	count(data.backups.policy_cases) > 0
	bad := fixture_cases_test.mismatches("backups")

	# regal ignore:print-or-trace-call
	print(bad)
	count(bad) == 0
}
