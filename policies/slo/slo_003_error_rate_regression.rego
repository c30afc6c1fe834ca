package resilience.slo

# METADATA
# title: Error rate regressed against the baseline
# description: |
#   The error rate (1 - good/total) of a ratio SLO grew by more than the tolerance (default +0.1
#   percentage points) over the baseline, with enough events on both sides to compare.
# custom:
#   id: SLO-003
#   severity: block
#   remediation: |
#     Look at the new failures in the service's logs (status, route, error) and fix their cause before
#     merging.
#   docs: docs/slo.md#slo-003
findings contains finding if {
	some c in input.comparisons
	c.metric == "error_rate"
	comparable(c)
	c.current * 100 > (c.baseline * 100) + input.tolerance.error_rate_points
	finding := {
		"rule": "SLO-003",
		"message": sprintf(
			"SLO %s: error rate %s vs %s in the baseline (%s), over the %s tolerance (%d events now, %d in the baseline)",
			[
				c.slo_name, c.text.current, c.text.baseline, c.text.change,
				input.tolerance.text.error_rate, c.current_samples, c.baseline_samples,
			],
		),
		"comparison": c.id,
	}
}
