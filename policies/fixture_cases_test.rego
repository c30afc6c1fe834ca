# The fixture cases generated from fixtures/<gate>/ by `npm run build:policies`, judged here by opa itself;
# Vitest judges the same fixtures through the WebAssembly bundle, so the two paths cannot drift.
package resilience.fixture_cases_test

import data.resilience

# Names of the cases whose findings differ from their `expect:` header, with what was found.
mismatches(pkg) := [sprintf("%s: expected %s, got %s", [c.name, concat(",", sort(c.expect)), concat(",", sort(got))]) |
	# regal ignore:unresolved-reference
	some c in data[pkg].policy_cases

	# regal ignore:with-outside-test-context
	got := {f.rule | some f in resilience[pkg].findings with input as c.input}
	got != {r | some r in c.expect}
]

test_security_context_fixture_cases if {
	# regal ignore:unresolved-reference
	count(data.security_context.policy_cases) > 0
	bad := mismatches("security_context")

	# regal ignore:print-or-trace-call
	print(bad)
	count(bad) == 0
}
