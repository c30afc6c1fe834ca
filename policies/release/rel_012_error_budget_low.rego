package resilience.release

# METADATA
# title: A tier 0/1 service's error budget is almost spent
# description: |
#   Less of the SLO's error budget is left over its window than `errorBudgets.warnBelow` (a quarter by
#   default). The release may ship; the next incident will stop the ones after it.
# custom:
#   id: REL-012
#   severity: warn
#   remediation: |
#     Plan reliability work for the service before its budget runs out; see what burnt it with
#     `resilience-gates check slo`.
#   docs: docs/chaos.md#error-budgets
findings contains finding if {
	tag_is_release
	some budget in input.error_budgets
	is_number(budget.remaining)
	budget.remaining > 0
	budget.remaining < input.error_budget_policy.warn_below
	finding := {
		"rule": "REL-012",
		"message": sprintf(
			"error budget of %s is almost spent over its %s window: %s",
			[budget_subject(budget), budget.window, budget_figures(budget)],
		),
		"budget": budget.id,
	}
}
