package resilience.release_test

# Test helpers shared by every *_test.rego of the release gate.

commit := "4f2a9c0e1b7d3a5c6e8f0a1b2c3d4e5f6a7b8c9d"

run(gate, conclusion) := {
	"gate": gate,
	"name": sprintf("resilience-gates / %s", [gate]),
	"id": 1,
	"status": "completed",
	"conclusion": conclusion,
	"app": "github-actions",
	"completed_at": "2026-10-30T10:00:00Z",
	"url": null,
}

# A release of v1.4.0 whose two required gates passed.
release_input := {
	"ref": "refs/tags/v1.4.0",
	"tag": "v1.4.0",
	"tag_pattern": "v*",
	"commit": commit,
	"tag_commit": commit,
	"required_gates": ["security-context", "migrations"],
	"allow_warn": true,
	"trusted_apps": ["github-actions"],
	"check_runs": [run("security-context", "success"), run("migrations", "success")],
	"freshness": [],
}

with_fields(fields) := object.union(release_input, fields)

rules(found) := {f.rule | some f in found}
