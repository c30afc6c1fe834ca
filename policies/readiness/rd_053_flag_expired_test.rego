package resilience.readiness_test

import data.resilience.readiness

test_rd_053_expired if {
	old := object.union(flag, {"expires": "2026-10-01", "expires_epoch": now - (31 * 86400)})
	found := readiness.findings with input as with_input({"flags": [old]})
	rules(found) == {"RD-053"}
}

test_rd_053_valid_through_its_day if {
	today := object.union(flag, {"expires": "2026-11-01", "expires_epoch": now})
	count(readiness.findings) == 0 with input as with_input({"flags": [today]})
}

test_rd_053_no_expiry if {
	changed := object.union(flag, {"expires": null, "expires_epoch": null})
	found := readiness.findings with input as with_input({"flags": [changed]})
	rules(found) == {"RD-053"}
}
