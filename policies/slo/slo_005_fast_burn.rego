package resilience.slo

# METADATA
# title: Error budget burns fast (14.4x over 1h and 5m)
# description: |
#   The multi-window burn-rate alert of the SRE workbook, "page" severity: the error ratio divided by
#   the error budget (1 - target) is above 14.4 over both the last hour and the last 5 minutes, which
#   spends 2% of a 30-day budget in one hour. Judged where time series exist (--prometheus).
# custom:
#   id: SLO-005
#   severity: block
#   remediation: |
#     The service is failing its users now: stop the rollout, roll back or fix forward, and merge once
#     the short window has recovered.
#   docs: docs/slo.md#slo-005
findings contains finding if {
	some o in input.objectives
	burning(o, "1h", 14.4)
	burning(o, "5m", 14.4)
	finding := {
		"rule": "SLO-005",
		"message": sprintf(
			"SLO %s, objective %s: error budget burns at %s over 1h and %s over 5m, above 14.4x on both",
			[o.slo_name, o.display_name, o.text.burn["1h"], o.text.burn["5m"]],
		),
		"objective": o.id,
	}
}

# The error ratio over a window divided by the error budget is above the factor.
burning(o, window, factor) if {
	ratio := o.burn[window]
	ratio != null
	ratio / (1 - o.target) > factor
}
