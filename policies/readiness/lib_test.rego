package resilience.readiness_test

import data.resilience.readiness

test_tier_settings_by_number if {
	readiness.tier_settings(1).severity == "block" with input as {"settings": {"tiers": {"1": {"severity": "block"}}}}
}

test_critical_tiers if {
	readiness.critical(0)
	readiness.critical(1)
	not readiness.critical(2)
}

test_days_rounds_down if {
	readiness.days((86400 * 3) + 100) == 3
}
