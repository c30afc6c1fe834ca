# A ready service, as the collector would describe it: each rule's test changes one fact of it.
package resilience.readiness_test

now := 1793491200 # 2026-11-01

all_sections := ["symptoms", "diagnosis", "mitigation", "rollback", "incident roles", "escalation"]

settings := {
	"tiers": {
		"0": {"runbook_sections": all_sections, "review_every_seconds": 7776000, "kill_switch_test_every_seconds": 7776000, "severity": "block"},
		"1": {"runbook_sections": all_sections, "review_every_seconds": 7776000, "kill_switch_test_every_seconds": 7776000, "severity": "block"},
		"2": {"runbook_sections": ["symptoms", "mitigation", "escalation"], "review_every_seconds": 15552000, "kill_switch_test_every_seconds": 15552000, "severity": "warn"},
		"3": {"runbook_sections": ["mitigation"], "review_every_seconds": 31536000, "kill_switch_test_every_seconds": 31536000, "severity": "warn"},
	},
	"burn_rates": [
		{"long": "1h", "short": "5m", "long_seconds": 3600, "short_seconds": 300, "factor": 14.4, "severity": "page"},
		{"long": "6h", "short": "30m", "long_seconds": 21600, "short_seconds": 1800, "factor": 6, "severity": "page"},
	],
	"idempotency_header": "idempotency-key",
	"idempotent_methods": ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"],
}

service := {
	"id": 0, "name": "api", "owner": "team-edge", "tier": 1, "on_call": "edge-primary", "escalation": "edge-leads",
	"dri": "ana", "dependencies": [], "runbooks": ["runbooks/api.md"], "place": 0,
}

runbook := {
	"id": 0, "service": "api", "tier": 1, "path": "runbooks/api.md", "file": "runbooks/api.md", "exists": true, "missing": null,
	"place": 1, "headings": array.concat(["api"], all_sections), "slugs": ["api", "symptoms", "diagnosis", "mitigation", "rollback", "incident-roles", "escalation"],
	"title_place": 2, "reviewed": {"date": "2026-10-01", "epoch": now - (31 * 86400), "place": 3}, "links": [],
}

workload := {
	"id": 0, "kind": "Deployment", "name": "api", "namespace": "prod", "service": "api", "store": null,
	"label_service": null, "place": 5, "label_place": 5,
}

base := {
	"now": now, "catalog": ".resilience/catalog.yaml", "settings": settings, "services": [service], "stores": [],
	"runbooks": [runbook], "workloads": [workload], "catalog_workloads": [],
}

with_input(overrides) := object.union(base, overrides)

with_services(services) := with_input({"services": services})

rules(found) := {f.rule | some f in found}

test_the_ready_service_passes if {
	count(data.resilience.readiness.findings) == 0 with input as base
}
