package resilience.slo

# METADATA
# scope: rule
# title: Cannot compare with the baseline
# description: |
#   A baseline was given but a measurement cannot be compared with it: the baseline has no figure for
#   it (a new SLO or objective, or its target quantile changed), or one side has fewer events than the
#   minimum sample size (default 100), where a percentile or a ratio says little.
# custom:
#   id: SLO-004
#   severity: warn
#   remediation: |
#     Run the load longer (or at a higher rate) so both sides have at least the minimum number of
#     events, or save a new baseline on the default branch that includes the SLO.
#   docs: docs/slo.md#slo-004
findings contains finding if {
	some c in input.comparisons
	c.baseline == null
	finding := {
		"rule": "SLO-004",
		"message": sprintf(
			"SLO %s: the baseline %s has no %s to compare with; save a new baseline on the default branch",
			[c.slo_name, input.baseline_file, c.label],
		),
		"comparison": c.id,
	}
}

findings contains finding if {
	some c in input.comparisons
	c.baseline != null
	not comparable(c)
	template := concat(" ", [
		"SLO %s: %s not compared with the baseline:",
		"%d events now and %d in the baseline, at least %d on each side are needed",
	])
	finding := {
		"rule": "SLO-004",
		"message": sprintf(template, [c.slo_name, c.label, c.current_samples, c.baseline_samples, input.min_samples]),
		"comparison": c.id,
	}
}
