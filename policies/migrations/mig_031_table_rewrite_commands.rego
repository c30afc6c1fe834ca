package resilience.migrations

# METADATA
# title: VACUUM FULL, CLUSTER or REFRESH MATERIALIZED VIEW locks out readers
# description: |
#   VACUUM FULL and CLUSTER rewrite the whole table, and REFRESH MATERIALIZED VIEW rebuilds the view,
#   all while holding ACCESS EXCLUSIVE, which blocks all reads and writes until done.
# custom:
#   id: MIG-031
#   severity: block
#   remediation: |
#     Use pg_repack (or REPACK ... CONCURRENTLY on PostgreSQL 19+) instead of VACUUM FULL / CLUSTER, and
#     REFRESH MATERIALIZED VIEW CONCURRENTLY (needs a unique index on the view) instead of a plain refresh.
#   docs: docs/migrations.md#mig-031
violation contains finding if {
	some kind in ["vacuum", "cluster", "refresh_materialized_view"]
	some [fi, si] in input.index.statements[kind]
	f := input.files[fi]
	s := f.statements[si]
	some l in s.locks
	l.mode == "ACCESS EXCLUSIVE"
	not l.new
	rewrite := table_rewrite_command(s, l.table)
	message := concat("", [
		rewrite.what, " rewrites ", l.table, " while holding ", lock_phrase("ACCESS EXCLUSIVE", l.table), ". Instead: ",
		rewrite.instead,
	])
	finding := at_statement("MIG-031", message, f, s)
}

table_rewrite_command(s, table) := {
	"what": "VACUUM FULL",
	"instead": concat("", [
		"run pg_repack outside the migration (or REPACK ... CONCURRENTLY on PostgreSQL 19+); ",
		"plain VACUUM does not block",
	]),
} if {
	s.kind == "vacuum"
	s.full
} else := {
	"what": "CLUSTER",
	"instead": "run pg_repack --order-by outside the migration (or REPACK ... CONCURRENTLY on PostgreSQL 19+)",
} if {
	s.kind == "cluster"
} else := {
	"what": "REFRESH MATERIALIZED VIEW",
	"instead": concat("", [
		"REFRESH MATERIALIZED VIEW CONCURRENTLY ", qname(table),
		"; (EXCLUSIVE: reads continue; needs a unique index on the view)",
	]),
} if {
	s.kind == "refresh_materialized_view"
}
