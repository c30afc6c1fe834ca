package resilience.migrations

# METADATA
# title: Partition detached without CONCURRENTLY
# description: |
#   ALTER TABLE ... DETACH PARTITION takes ACCESS EXCLUSIVE on the partitioned table, which blocks all
#   reads and writes of every partition. PostgreSQL 14+ can DETACH PARTITION ... CONCURRENTLY with SHARE
#   UPDATE EXCLUSIVE instead (outside a transaction).
# custom:
#   id: MIG-030
#   severity: block
#   remediation: |
#     `ALTER TABLE parent DETACH PARTITION child CONCURRENTLY;` in a migration that runs outside a
#     transaction (PostgreSQL 14+).
#   docs: docs/migrations.md#mig-030
violation contains finding if {
	some [fi, si, ai] in input.index.actions.detach_partition
	f := input.files[fi]
	s := f.statements[si]
	s.kind == "alter_table"
	existing(s.table)
	action := s.actions[ai]
	not action.concurrent
	message := concat("", [
		"DETACH PARTITION ", action.partition.name, " takes ", lock_phrase("ACCESS EXCLUSIVE", s.table.name),
		", including every other partition. Instead: ", detach_rewrite(f, s, action),
	])
	finding := at_statement("MIG-030", message, f, s)
}

detach_rewrite(f, s, action) := concat("", [
	"ALTER TABLE ", qname(s.table.name), " DETACH PARTITION ", qname(action.partition.name),
	" CONCURRENTLY; (SHARE UPDATE EXCLUSIVE: reads and writes continue) ", no_transaction_advice(f),
]) if {
	postgres_version >= 14
} else := concat("", [
	"PostgreSQL ", format_int(postgres_version, 10),
	" has no DETACH ... CONCURRENTLY; run it in a maintenance window after SET lock_timeout = '2s';",
])
