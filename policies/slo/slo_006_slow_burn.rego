package resilience.slo

# METADATA
# title: Error budget burns steadily (6x over 6h and 30m)
# description: |
#   The multi-window burn-rate alert of the SRE workbook, second tier: the burn rate is above 6 over
#   both the last 6 hours and the last 30 minutes, which spends 5% of a 30-day budget in six hours.
#   Judged where time series exist (--prometheus).
# custom:
#   id: SLO-006
#   severity: block
#   remediation: |
#     Find the steady source of errors or slow requests (a bad dependency, a hot partition, a leak) and
#     fix it before adding more change.
#   docs: docs/slo.md#slo-006
findings contains finding if {
	some o in input.objectives
	burning(o, "6h", 6)
	burning(o, "30m", 6)
	finding := {
		"rule": "SLO-006",
		"message": sprintf(
			"SLO %s, objective %s: error budget burns at %s over 6h and %s over 30m, above 6x on both",
			[o.slo_name, o.display_name, o.text.burn["6h"], o.text.burn["30m"]],
		),
		"objective": o.id,
	}
}
