package resilience.backups

# METADATA
# title: No evidence of a successful backup
# description: |
#   The store needs backups (tier 0-2, or it has a backup schedule), but no evidence file and no CronJob
#   status records a successful one. Missing evidence is never a pass: a schedule alone does not show
#   that a backup exists.
# custom:
#   id: BK-005
#   severity: block
#   remediation: |
#     Make the backup job write an evidence file when it finishes (schemas/backup-evidence.schema.json:
#     store, status, finishedAt) and give the directory to the gate (`--evidence DIR` or
#     `gates.backups.evidence`).
#   docs: docs/backups.md#bk-005
findings contains finding if {
	some store in input.stores
	needs_evidence(store)
	count(successes_of(store)) == 0
	tier := format_int(store.tier, 10)
	detail := missing_evidence_detail(store)
	finding := {
		"rule": "BK-005",
		"message": sprintf("no evidence of a successful backup (tier %s store): %s", [tier, detail]),
		"store": store.id,
	}
}

records_of(store) := [record |
	some record in input.evidence
	record.store == store.name
]

missing_evidence_detail(store) := sprintf("%s evidence records, none of them a credible success", [n]) if {
	count(records_of(store)) > 0
	n := format_int(count(records_of(store)), 10)
} else := sprintf("no evidence file names it (%s evidence records read in total)", [n]) if {
	n := format_int(count(input.evidence), 10)
}
