package resilience.slo

# METADATA
# title: Latency regressed against the baseline
# description: |
#   The latency at an objective's target quantile grew by more than the tolerance (default +10%) over
#   the baseline saved on the default branch, with enough events on both sides to compare.
# custom:
#   id: SLO-002
#   severity: block
#   remediation: |
#     Find what the change made slower (compare traces or profiles of the two builds) and fix it. If the
#     slowdown is intended, save a new baseline on the default branch after merging with a waiver.
#   docs: docs/slo.md#slo-002
findings contains finding if {
	some c in input.comparisons
	c.metric == "latency"
	comparable(c)
	c.current > c.baseline * (1 + (input.tolerance.latency_percent / 100))
	finding := {
		"rule": "SLO-002",
		"message": sprintf(
			"SLO %s: %s %s vs %s in the baseline (%s), over the %s tolerance (%d events now, %d in the baseline)",
			[
				c.slo_name, c.label, c.text.current, c.text.baseline, c.text.change,
				input.tolerance.text.latency, c.current_samples, c.baseline_samples,
			],
		),
		"comparison": c.id,
	}
}

comparable(c) if {
	c.baseline != null
	c.current_samples >= input.min_samples
	c.baseline_samples >= input.min_samples
}
