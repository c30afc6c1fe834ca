package resilience.release_test

import data.resilience.release

budget := {
	"id": 0, "slo": "api-create-payment-availability", "display_name": "Creating a payment succeeds",
	"objective": 0, "objective_name": "99.9% of payment requests succeed", "service": "api", "owner": "team-edge",
	"tier": 1, "window": "28d", "target": 0.999, "method": "occurrences", "source": "Prometheus http://prom:9090 over 28d",
	"bad": 0.0005, "remaining": 0.5, "count": 120000, "problem": null,
	"text": {"bad": "0.05%", "allowed": "0.1%", "remaining": "50%"},
}

spent := object.union(
	budget,
	{"bad": 0.0018, "remaining": -0.8, "text": {"bad": "0.18%", "allowed": "0.1%", "remaining": "-80%"}},
)

policy := {"exhausted": "block", "warn_below": 0.25, "reliability_tag_pattern": "v*-reliability*"}

test_rel_010_budget_left_passes if {
	count(release.findings) == 0 with input as with_fields({"error_budgets": [budget], "error_budget_policy": policy})
}

test_rel_010_exhausted_blocks_a_release if {
	found := release.findings with input as with_fields({"error_budgets": [spent], "error_budget_policy": policy})
	rules(found) == {"REL-010"}
	some f in found
	f.severity == "block"
	f.budget == 0
	contains(f.message, "is exhausted over its 28d window: 0.18% bad against 0.1% allowed, -80% of the budget left")
	contains(f.message, "ship a reliability release or have the owner waive REL-010")
}

test_rel_010_warns_by_policy if {
	warn := object.union(policy, {"exhausted": "warn"})
	some f in release.findings with input as with_fields({"error_budgets": [spent], "error_budget_policy": warn})
	f.severity == "warn"
}

test_rel_010_reliability_release_only_warns if {
	doc := with_fields({
		"tag": "v1.4.1-reliability",
		"ref": "refs/tags/v1.4.1-reliability",
		"error_budgets": [spent],
		"error_budget_policy": policy,
	})
	some f in release.findings with input as doc
	f.severity == "warn"
	contains(f.message, "v1.4.1-reliability is a reliability release, so it may ship")
}

test_rel_010_not_judged_without_a_release_tag if {
	doc := with_fields({"tag": null, "ref": "refs/heads/main", "error_budgets": [spent], "error_budget_policy": policy})
	rules(release.findings) == {"REL-001"} with input as doc
}

test_rel_010_timeslices if {
	slices := object.union(spent, {"method": "timeslices", "count": 4})
	some f in release.findings with input as with_fields({"error_budgets": [slices], "error_budget_policy": policy})
	contains(f.message, "4 baseline runs as time slices")
}
