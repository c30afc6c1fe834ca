package resilience.readiness

# METADATA
# scope: rule
# title: An alert's slo label names no SLO, or its objective label no objective
# description: |
#   The `slo` label of an alert ties it to an SLO of the SLO file, and `objective` to one of its
#   objectives (index or display name). A label that names nothing is a typo or a removed SLO: the
#   alert is then judged against nothing, and its SLO may look unguarded.
# custom:
#   id: RD-014
#   severity: warn
#   remediation: |
#     Use the SLO's `metadata.name` and the objective's index exactly, or remove the label.
#   docs: docs/readiness.md#rd-014
findings contains finding if {
	some alert in input.alerts
	alert.slo != null
	not slo_by_name[alert.slo]
	finding := {
		"rule": "RD-014",
		"message": sprintf(
			"alert %s is labelled slo=%s, which is not an SLO of the SLO file (SLOs: %s)",
			[alert.name, alert.slo, concat(", ", sort([slo.name | some slo in input.slos]))],
		),
		"place": alert.place,
	}
}

findings contains finding if {
	some alert in input.alerts
	slo_by_name[alert.slo]
	alert.objective == null
	finding := {
		"rule": "RD-014",
		"message": sprintf(
			"alert %s of SLO %s: objective label %s names none of its %d objectives",
			[alert.name, alert.slo, label_text(alert.objective_label), count(slo_by_name[alert.slo].objectives)],
		),
		"place": alert.place,
	}
}

label_text(label) := "(none)" if {
	label == null
} else := label
