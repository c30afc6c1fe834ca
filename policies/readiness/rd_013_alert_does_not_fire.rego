package resilience.readiness

# METADATA
# scope: rule
# title: A burn-rate alert does not fire on a burn, or fires on healthy traffic
# description: |
#   The gate proves each burn-rate alert with the real `promtool test rules`: from the SLO's own
#   queries it generates input series for a total outage after six hours of healthy traffic, under
#   which the alert must be firing within its expected time (the pair's factor × error budget × long
#   window, plus `for:` and three evaluation intervals), and for traffic that burns half the error
#   budget, under which it must never fire. An alert that fails either case pages too late, never, or
#   for nothing.
# custom:
#   id: RD-013
#   severity: block
#   remediation: |
#     Fix the alert's expression against the SLO's queries (metric names, label matchers, the
#     threshold's budget), or its `for:`; promtool's message says what was expected and what came.
#   docs: docs/readiness.md#rd-013
findings contains finding if {
	some alert in input.alerts
	alert.test.tested
	alert.test.problem == null
	not alert.test.burn_passed
	finding := {
		"rule": "RD-013",
		"severity": alert_severity(alert),
		"message": sprintf(
			"alert %s did not fire within %d minutes of a total outage of SLO %s (promtool test rules: %s)",
			[alert.name, alert.test.within_seconds / 60, alert.slo, alert.test.burn_message],
		),
		"place": alert.place,
	}
}

findings contains finding if {
	some alert in input.alerts
	alert.test.tested
	alert.test.problem == null
	not alert.test.healthy_passed
	finding := {
		"rule": "RD-013",
		"severity": alert_severity(alert),
		"message": sprintf(
			"alert %s fires while SLO %s burns only half its error budget (promtool test rules: %s)",
			[alert.name, alert.slo, alert.test.healthy_message],
		),
		"place": alert.place,
	}
}

findings contains finding if {
	some alert in input.alerts
	alert.test.problem != null
	finding := {
		"rule": "RD-013",
		"severity": alert_severity(alert),
		"message": sprintf(
			"alert %s could not be tested against SLO %s: %s",
			[alert.name, alert.slo, alert.test.problem],
		),
		"place": alert.place,
	}
}

alert_severity(alert) := level if {
	level := severity(service_by_name[slo_by_name[alert.slo].service].tier)
} else := "block"
