package resilience.backups

# METADATA
# title: The latest backup attempt failed
# description: |
#   The newest evidence record of the store is a failure. An older success may still be within the RPO,
#   but the next run may fail too.
# custom:
#   id: BK-012
#   severity: warn
#   remediation: |
#     Look at the failed job (the evidence file's message, the job's logs) and fix it before the last
#     good backup ages past the RPO.
#   docs: docs/backups.md#bk-012
findings contains finding if {
	some store in input.stores
	records := [r | some r in input.evidence; r.store == store.name; credible(r)]
	count(records) > 0
	newest := max([r.finished_at | some r in records])
	failures := [r | some r in records; r.finished_at == newest; r.status == "failed"]
	some record in failures
	successes := [r | some r in records; r.finished_at == newest; r.status == "succeeded"]
	count(successes) == 0
	ago := duration(input.now - record.finished_at)
	finding := {
		"rule": "BK-012",
		"message": sprintf("the latest backup attempt failed %s ago (%s)", [ago, evidence_text(record)]),
		"store": store.id,
		"evidence": record.id,
		"field": "status",
	}
}
