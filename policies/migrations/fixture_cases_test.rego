# The migrations fixtures (fixtures/migrations/) judged by opa itself, through the shared mismatch helper.
package resilience.migrations_fixture_cases_test

import data.resilience.fixture_cases_test

test_migrations_fixture_cases if {
	# regal ignore:unresolved-reference
	count(data.migrations.policy_cases) > 0
	bad := fixture_cases_test.mismatches("migrations")

	# regal ignore:print-or-trace-call
	print(bad)
	count(bad) == 0
}
