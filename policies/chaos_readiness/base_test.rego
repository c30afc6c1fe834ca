# The input the chaos-readiness rule tests share: a tier 1 api with two dependencies, each slot proved
# by a fresh, signed, passing result; each test changes one thing.
package resilience.chaos_readiness_test

# 2026-11-01T00:00:00Z
now := 1793491200

api := {
	"id": 0, "name": "api", "owner": "team-edge", "tier": 1, "required": true,
	"dependencies": ["payments", "ratelimit-redis"], "cadence_seconds": 7776000, "cadence_text": "90d",
	"cadence_configured": false, "accept_versions": null,
}

sli_before := {
	"index": 0, "phase": "before", "slo": "api-availability", "objective": 0, "target": 0.999,
	"samples": 300, "ratio": 1, "quantile_seconds": null, "met": true, "required": true,
	"text": "api-availability#0 100% over 300 (target 0.999)",
}

sli_during := object.union(sli_before, {"index": 1, "phase": "during"})

sli_after := object.union(sli_before, {"index": 2, "phase": "after"})

passing := {
	"service": "api", "service_known": true, "dependency_declared": true,
	"target": "local", "service_version": "1.4.0", "result": "passed",
	"signature": "valid", "signature_detail": "verified with key sha256:00", "key_id": "sha256:00",
	"started": now - 86400, "fault_started": now - 86390, "fault_ended": now - 86380,
	"recovered": now - 86379, "finished": now - 86370, "recovery_seconds": 1.5,
	"phases": {
		"before": {"requests": 150, "errors": 0, "aborted": false},
		"during": {"requests": 300, "errors": 0, "aborted": false},
		"after": {"requests": 150, "errors": 0, "aborted": false},
	},
	"slis": [sli_before, sli_during, sli_after],
	"expectations": [{"index": 0, "description": "cached reads keep answering", "observed": true, "detail": "0% errors"}],
	"undone": [{"index": 0, "what": "start redis again", "ok": true}], "touched": 1, "failures": [],
}

payments_result := object.union(
	passing,
	{"id": 0, "file": "results/0.json", "experiment": "exp-0", "dependency": "payments", "pod_loss": false},
)

redis_result := object.union(
	passing,
	{"id": 1, "file": "results/1.json", "experiment": "exp-1", "dependency": "ratelimit-redis", "pod_loss": false},
)

pod_loss_result := object.union(
	passing,
	{"id": 2, "file": "results/2.json", "experiment": "exp-2", "dependency": null, "pod_loss": true},
)

base := {
	"now": now, "catalog": "catalog.yaml", "experiments_file": null, "trusted_keys": 1, "tiers": [0, 1],
	"services": [api], "experiments": [], "results": [payments_result, redis_result, pod_loss_result], "problems": [],
}

with_results(results) := object.union(base, {"results": results})

rules(found) := {f.rule | some f in found}

test_three_passing_slots_have_no_findings if {
	count(data.resilience.chaos_readiness.findings) == 0 with input as base
}

test_tier_2_service_is_not_required if {
	tier2 := object.union(api, {"tier": 2, "required": false})
	count(data.resilience.chaos_readiness.findings) == 0 with input as object.union(
		base,
		{"services": [tier2], "results": []},
	)
}
