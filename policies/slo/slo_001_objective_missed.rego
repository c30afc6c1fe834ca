package resilience.slo

# METADATA
# title: SLO objective missed
# description: |
#   The measured indicator of an SLO misses one of its objectives: the share of good events is under
#   the target (ratioMetric, or a thresholdMetric measured from histogram buckets), or the latency at the
#   target quantile is over the threshold (a thresholdMetric measured from a k6 summary).
# custom:
#   id: SLO-001
#   severity: block
#   remediation: |
#     Fix what makes the service miss the objective (errors in its logs, slow queries, a saturated
#     dependency) before merging; an objective that no longer matches users' needs changes in a reviewed
#     change to .resilience/slos.yaml.
#   docs: docs/slo.md#slo-001
findings contains finding if {
	some o in input.objectives
	missed(o)
	slo := input.slos[o.slo]
	finding := {
		"rule": "SLO-001",
		"message": sprintf(
			"SLO %s, objective %s: measured %s; the objective is %s",
			[slo.name, o.display_name, o.text.measured, o.text.objective],
		),
		"objective": o.id,
	}
}

missed(o) if {
	o.method == "ratio"
	o.ratio < o.target
}

missed(o) if {
	o.method == "quantile"
	o.op == "lte"
	o.quantile_seconds > o.value
}

missed(o) if {
	o.method == "quantile"
	o.op == "lt"
	o.quantile_seconds >= o.value
}
