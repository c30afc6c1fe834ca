package resilience.readiness_test

import data.resilience.readiness

test_rd_055_unknown_dependency if {
	stray := object.union(kill_switch, {"dependency": "paymnts"})
	found := readiness.findings with input as with_input({"kill_switches": [stray]})

	# and payments is then left without a switch
	rules(found) == {"RD-050", "RD-055"}
}
