# The restore-proofs fixtures (fixtures/restore-proofs/) judged by opa itself, through the shared helper.
package resilience.restore_proofs_fixture_cases_test

import data.resilience.fixture_cases_test

test_restore_proofs_fixture_cases if {
	# regal ignore:unresolved-reference
	count(data.restore_proofs.policy_cases) > 0
	bad := fixture_cases_test.mismatches("restore_proofs")

	# regal ignore:print-or-trace-call
	print(bad)
	count(bad) == 0
}
