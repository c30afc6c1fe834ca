# The load-budget fixtures (fixtures/load-budget/) judged by opa itself, through the shared helper.
package resilience.load_budget_fixture_cases_test

import data.resilience.fixture_cases_test

test_load_budget_fixture_cases if {
	# regal ignore:unresolved-reference
	count(data.load_budget.policy_cases) > 0
	bad := fixture_cases_test.mismatches("load_budget")

	# regal ignore:print-or-trace-call
	print(bad)
	count(bad) == 0
}
