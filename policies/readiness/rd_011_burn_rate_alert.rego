package resilience.readiness

# METADATA
# scope: rule
# title: An SLO objective lacks a multi-window burn-rate alert
# description: |
#   For each objective of an SLO, the Prometheus rules must hold an alert (labelled `slo: <name>` and,
#   when the SLO has several objectives, `objective: <index>`) for every configured burn-rate pair:
#   both the long and the short window read (directly or through recording rules), compared with the
#   pair's factor times the objective's error budget. By default the SRE workbook's pairs: 1h/5m at
#   14.4x and 6h/30m at 6x (page), 1d/2h at 3x and 3d/6h at 1x (ticket).
# custom:
#   id: RD-011
#   severity: block
#   remediation: |
#     Add the alert (see reference-app/monitoring/slo-burn-rate.rules.yaml): for example
#     `error_ratio_1h > (14.4 * (1 - 0.999)) and error_ratio_5m > (14.4 * (1 - 0.999))`, with the
#     labels `slo` and `objective` and a `runbook_url` annotation.
#   docs: docs/readiness.md#rd-011
findings contains finding if {
	some slo in input.slos
	service := service_by_name[slo.service]
	some objective in slo.objectives
	some pair in input.settings.burn_rates
	not objective_covered(slo, objective, pair)
	finding := {
		"rule": "RD-011",
		"severity": severity(service.tier),
		"message": sprintf(
			"SLO %s objective %d (%s, target %s) has no %s alert over %s and %s at %s x the budget (alerts with slo=%s: %d)",
			[
				slo.name,
				objective.index,
				objective.name,
				format_number(objective.target),
				pair.severity,
				pair.long,
				pair.short,
				format_number(pair.factor),
				slo.name,
				count(alerts_of(slo, objective)),
			],
		),
		"place": objective.place,
	}
}

objective_covered(slo, objective, pair) if {
	some alert in alerts_of(slo, objective)
	covers(alert, pair, objective)
}
