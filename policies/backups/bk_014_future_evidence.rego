package resilience.backups

# METADATA
# title: Backup evidence is dated in the future
# description: |
#   An evidence record says the backup finished after the time of evaluation (more than five minutes
#   ahead). A wrong clock or a hand-written record cannot show freshness; the record is not counted.
# custom:
#   id: BK-014
#   severity: block
#   remediation: |
#     Fix the clock or the job that writes the evidence (times in UTC with a zone, RFC 3339), and remove
#     the bad record.
#   docs: docs/backups.md#bk-014
findings contains finding if {
	some record in input.evidence
	not credible(record)
	finding := {
		"rule": "BK-014",
		"message": sprintf(
			"backup evidence %s for store %s says it finished %s in the future; it is not counted",
			[record.file, record.store, duration(record.finished_at - input.now)],
		),
		"evidence": record.id,
		"field": "finishedAt",
	}
}
