package resilience.release

# METADATA
# title: A tier 0/1 service's error budget is exhausted
# description: |
#   The error-budget policy of the resilience program: while an SLO of a tier 0/1 service has spent its
#   error budget over the SLO's window (from Prometheus, or from the stored SLO baselines' history), a
#   release tag waits. Shipping features into a service that already fails its users more than agreed
#   spends what is not there. By policy (`errorBudgets.exhausted`) it blocks or only warns; a tag
#   matching `errorBudgets.reliabilityTagPattern` is a reliability release and only warns.
# custom:
#   id: REL-010
#   severity: block
#   remediation: |
#     Ship a reliability release instead (a tag matching errorBudgets.reliabilityTagPattern, carrying only
#     fixes for what burnt the budget), or wait until the window has earned the budget back. If the
#     release must go out anyway, the service's owner waives REL-010 for this SLO in
#     .resilience/waivers.yaml (owner, reason, expiry), which the reviewed change records.
#   docs: docs/chaos.md#error-budgets
findings contains finding if {
	tag_is_release
	some budget in input.error_budgets
	is_number(budget.remaining)
	budget.remaining <= 0
	finding := {
		"rule": "REL-010",
		"severity": exhausted_severity,
		"message": sprintf(
			"error budget of %s is exhausted over its %s window: %s (%s, %s)%s",
			[budget_subject(budget), budget.window, budget_figures(budget), budget.source, counted(budget), what_to_do],
		),
		"budget": budget.id,
	}
}

exhausted_severity := "warn" if reliability_release

else := input.error_budget_policy.exhausted

reliability_release if {
	is_string(input.error_budget_policy.reliability_tag_pattern)
	glob.match(input.error_budget_policy.reliability_tag_pattern, ["/"], input.tag)
}

default what_to_do := "; ship a reliability release or have the owner waive REL-010 for this SLO"

what_to_do := sprintf("; %s is a reliability release, so it may ship", [input.tag]) if reliability_release

counted(budget) := sprintf("%s events", [format_int(budget.count, 10)]) if budget.method == "occurrences"

else := sprintf("%s baseline runs as time slices", [format_int(budget.count, 10)])
