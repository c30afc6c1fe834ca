package resilience.restore_proofs

# METADATA
# title: The latest restore drill is older than the drill cadence
# description: |
#   The newest valid proof of the store finished longer ago than the store's tier allows between
#   restore drills (tier 0-1: 90 days, tier 2: 30 days, tier 3: 182 days, or the catalog's drillEvery).
#   Restores rot: schemas, sizes, credentials and tooling change.
# custom:
#   id: RP-008
#   severity: block
#   remediation: |
#     Run the drill again; schedule it (a workflow on a cron) well inside the cadence.
#   docs: docs/restore-proofs.md#rp-008
findings contains finding if {
	some store in input.stores
	proof := latest(store)
	age := input.now - proof.drill_finished
	age > store.drill_every_seconds
	limit := limit_text("restore-drill cadence", "drillEvery", store.drill_every_seconds, store)
	finding := {
		"rule": "RP-008",
		"message": sprintf(
			"the latest restore drill finished %s ago, longer than its %s",
			[duration(age), limit],
		),
		"proof": proof.id,
		"path": ["drill", "finishedAt"],
	}
}
