package resilience.readiness

# METADATA
# scope: rule
# title: A kill switch was not tested within its cadence, or its last test failed
# description: |
#   A switch nobody has flipped is a guess. Its newest test record (date, result, by whom) must pass and
#   be within the service's tier cadence (quarterly for tier 0/1 by default, `killSwitchTestEvery`).
# custom:
#   id: RD-052
#   severity: block
#   remediation: |
#     Flip the switch in a drill (the chaos gate's experiments do it for real), check the degraded
#     behaviour, and add the record to the switch's `tests`.
#   docs: docs/readiness.md#rd-052
findings contains finding if {
	some switch in input.kill_switches
	count(switch.tests) == 0
	finding := {
		"rule": "RD-052",
		"severity": switch_severity(switch),
		"message": sprintf(
			"kill switch %s (%s -> %s) has never been tested",
			[switch.name, switch.service, switch.dependency],
		),
		"place": switch.place,
	}
}

findings contains finding if {
	some switch in input.kill_switches
	test := latest_test(switch)
	test.result != "pass"
	finding := {
		"rule": "RD-052",
		"severity": switch_severity(switch),
		"message": sprintf("the last test of kill switch %s (%s by %s) failed", [switch.name, test.date, test.by]),
		"place": test.place,
	}
}

findings contains finding if {
	some switch in input.kill_switches
	test := latest_test(switch)
	test.result == "pass"
	limit := tier_settings(switch_tier(switch)).kill_switch_test_every_seconds
	input.now - test.epoch > limit
	finding := {
		"rule": "RD-052",
		"severity": switch_severity(switch),
		"message": sprintf(
			"kill switch %s was last tested %s (%d days ago); tier %d asks for a test every %d days",
			[switch.name, test.date, days(input.now - test.epoch), switch_tier(switch), days(limit)],
		),
		"place": test.place,
	}
}

# The newest record (the first of the newest day, as written).
latest_test(switch) := test if {
	dated := [t | some t in switch.tests; is_number(t.epoch)]
	count(dated) > 0
	newest := max([t.epoch | some t in dated])
	test := [t | some t in dated; t.epoch == newest][0]
}

switch_tier(switch) := service_by_name[switch.service].tier if service_by_name[switch.service]

else := 1
