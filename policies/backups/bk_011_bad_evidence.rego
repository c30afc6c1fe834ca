package resilience.backups

# METADATA
# title: A backup evidence file cannot be read
# description: |
#   An evidence file is not valid JSON (truncated, hand-edited), does not follow
#   schemas/backup-evidence.schema.json, or holds an impossible time. It cannot show that a backup
#   exists, and a broken file may hide a failed one.
# custom:
#   id: BK-011
#   severity: block
#   remediation: |
#     Fix or regenerate the file at the line named; evidence is written by the backup job, so look at
#     what wrote it.
#   docs: docs/backups.md#bk-011
findings contains finding if {
	some problem in input.evidence_problems
	finding := {
		"rule": "BK-011",
		"message": sprintf("backup evidence %s cannot be used: %s", [problem.file, problem.message]),
		"evidence_problem": problem.id,
	}
}
