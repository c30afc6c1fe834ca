package resilience.release

# METADATA
# title: A tier 0/1 service's error budget cannot be measured
# description: |
#   The error-budget policy is configured, but for this SLO objective there is no measurement over its
#   window: Prometheus has no data or cannot be reached, or no stored baseline inside the window measured
#   it. An unknown budget is not a budget left: the release waits until it is measured.
# custom:
#   id: REL-011
#   severity: block
#   remediation: |
#     Give the release gate a source for the SLO: errorBudgets.prometheus (a query API with the SLO's
#     metrics), or store a baseline on every default-branch run (`resilience-gates baseline save`) and list
#     them in errorBudgets.baselines.
#   docs: docs/chaos.md#error-budgets
findings contains finding if {
	tag_is_release
	some budget in input.error_budgets
	not is_number(budget.remaining)
	finding := {
		"rule": "REL-011",
		"message": sprintf(
			"error budget of %s over its %s window is unknown: %s",
			[budget_subject(budget), budget.window, budget.problem],
		),
		"budget": budget.id,
	}
}
