# A ready service, as the collector would describe it: each rule's test changes one fact of it.
package resilience.readiness_test

now := 1793491200 # 2026-11-01

all_sections := ["symptoms", "diagnosis", "mitigation", "rollback", "incident roles", "escalation"]

settings := {
	"tiers": {
		"0": {
			"runbook_sections": all_sections,
			"review_every_seconds": 7776000,
			"kill_switch_test_every_seconds": 7776000,
			"severity": "block",
		},
		"1": {
			"runbook_sections": all_sections,
			"review_every_seconds": 7776000,
			"kill_switch_test_every_seconds": 7776000,
			"severity": "block",
		},
		"2": {
			"runbook_sections": ["symptoms", "mitigation", "escalation"],
			"review_every_seconds": 15552000,
			"kill_switch_test_every_seconds": 15552000,
			"severity": "warn",
		},
		"3": {
			"runbook_sections": ["mitigation"],
			"review_every_seconds": 31536000,
			"kill_switch_test_every_seconds": 31536000,
			"severity": "warn",
		},
	},
	"burn_rates": [
		{"long": "1h", "short": "5m", "long_seconds": 3600, "short_seconds": 300, "factor": 14.4, "severity": "page"},
		{"long": "6h", "short": "30m", "long_seconds": 21600, "short_seconds": 1800, "factor": 6, "severity": "page"},
	],
	"idempotency_header": "idempotency-key",
	"idempotent_methods": ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"],
	"max_retries": 3,
}

service := {
	"id": 0, "name": "api", "owner": "team-edge", "tier": 1, "on_call": "edge-primary", "escalation": "edge-leads",
	"dri": "ana", "dependencies": ["payments"], "runbooks": ["runbooks/api.md"], "place": 0,
}

runbook := {
	"id": 0, "service": "api", "tier": 1, "path": "runbooks/api.md", "file": "runbooks/api.md",
	"exists": true, "missing": null,
	"place": 1, "headings": array.concat(["api"], all_sections), "slugs": [
		"api",
		"symptoms",
		"diagnosis",
		"mitigation",
		"rollback",
		"incident-roles",
		"escalation",
	],
	"title_place": 2, "reviewed": {"date": "2026-10-01", "epoch": now - (31 * 86400), "place": 3}, "links": [],
}

container := {
	"name": "api",
	"readiness_probe": true,
	"liveness_probe": true,
	"pre_stop_seconds": null,
	"drain_seconds": 25,
	"place": 14,
}

workload := {
	"id": 0, "kind": "Deployment", "name": "api", "namespace": "prod", "service": "api", "store": null,
	"label_service": null, "place": 5, "label_place": 5, "labels": {"app": "api"},
	"replicas": 3, "replicas_place": 5,
	"hpa": {"name": "api", "min": 3, "max": 12, "stabilization_seconds": 300, "place": 10, "behavior_place": 10},
	"pdbs": [{"name": "api", "rule": "maxUnavailable 1", "disruptions_allowed": 1, "place": 11}],
	"spread": true, "spread_place": 5, "containers": [container], "termination_grace_seconds": 35, "grace_place": 5,
	"network": {"deny_ingress": true, "deny_egress": true, "allow_policies": ["api"], "egress": []},
}

# GET /v1: 1s overall, 2 retries of 0.3s each.
route := {
	"id": 0, "kind": "HTTPRoute", "name": "api", "file": "route.yaml", "rule": "rules[0]", "services": ["api"],
	"methods": ["GET"], "required_headers": [], "timeout_seconds": 1, "timeout_disabled": false,
	"retry": {"attempts": 2, "per_try_timeout_seconds": 0.3}, "place": 15, "timeout_place": 15, "retry_place": 16,
}

slo := {
	"name": "api-availability", "service": "api", "place": 6,
	"objectives": [{"index": 0, "name": "99.9% succeed", "target": 0.999, "place": 7}],
}

alert := {
	"id": 0, "name": "ApiAvailabilityBurnRate", "group": "slo", "file": "rules.yaml", "slo": "api-availability",
	"objective": 0, "objective_label": "0", "severity": "page", "windows": [
		300,
		1800,
		3600,
		21600,
	],
	"numbers": [0.999, 1, 6, 14.4],
	"for_seconds": 120, "runbook_url": "runbooks/api.md#mitigation",
	"runbook": {"file": "runbooks/api.md", "anchor": "mitigation", "problem": null}, "place": 8, "runbook_place": 9,
	"test": {
		"tested": true, "problem": null, "within_seconds": 540, "burn_passed": true, "healthy_passed": true,
		"burn_message": null, "healthy_message": null,
	},
}

kill_switch := {
	"name": "api-payments-degraded", "service": "api", "dependency": "payments", "owner": "team-edge",
	"degraded": "503 with Retry-After at once", "place": 19, "tests_place": 19,
	"tests": [{"date": "2026-10-15", "epoch": now - (17 * 86400), "result": "pass", "by": "sam", "place": 20}],
}

flag := {
	"name": "new-checkout",
	"service": "api",
	"owner": "team-edge",
	"expires": "2027-01-31",
	"expires_epoch": now + (91 * 86400),
	"place": 23,
	"expires_place": 24,
}

base := {
	"now": now, "catalog": ".resilience/catalog.yaml", "settings": settings, "services": [service], "stores": [],
	"runbooks": [runbook], "workloads": [workload], "catalog_workloads": [], "slos": [slo], "alerts": [alert],
	"routes": [route], "clusters": [],
	"kill_switch_registry": ".resilience/kill-switches.yaml", "kill_switches": [kill_switch], "flags": [flag],
}

with_input(overrides) := object.union(base, overrides)

with_services(services) := with_input({"services": services})

rules(found) := {f.rule | some f in found}

test_the_ready_service_passes if {
	count(data.resilience.readiness.findings) == 0 with input as base
}
