package resilience.migrations

# METADATA
# title: Statement that cannot run inside a transaction runs inside one
# description: |
#   CREATE INDEX CONCURRENTLY, DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, DETACH PARTITION
#   CONCURRENTLY, VACUUM, CREATE and DROP DATABASE, ALTER SYSTEM (and, before PostgreSQL 12, ALTER TYPE
#   ... ADD VALUE) fail with "cannot run inside a transaction block". The gate knows whether each
#   statement runs inside one from the runner's transaction model (`transaction: per-file`, the default
#   for Flyway, Prisma and golang-migrate) and from explicit BEGIN / COMMIT in the file.
# custom:
#   id: MIG-010
#   severity: block
#   remediation: |
#     Give the statement a migration file of its own that runs without a transaction: Flyway
#     `executeInTransaction=false` in `V<n>__name.sql.conf`; golang-migrate a file with only this
#     statement; plain SQL run with psql in autocommit mode (`transaction: none`).
#   docs: docs/migrations.md#mig-010
violation contains finding if {
	some kind in [
		"create_index",
		"drop_index",
		"reindex",
		"vacuum",
		"createdb",
		"drop",
		"alter_system",
		"alter_enum",
		"detach_partition",
	]
	some ref in refs(kind)
	f := input.files[ref[0]]
	s := f.statements[ref[1]]
	s.in_transaction
	what := non_transactional(s)
	message := concat("", [
		what, " cannot run inside a transaction block, and this statement runs inside ", transaction_phrase(f, s),
		": the migration fails with \"", what, " cannot run inside a transaction block\" before it takes any lock. ",
		no_transaction_advice,
	])
	finding := at_statement("MIG-010", message, f, s)
}

non_transactional(s) := "CREATE INDEX CONCURRENTLY" if {
	s.kind == "create_index"
	s.concurrent
} else := "DROP INDEX CONCURRENTLY" if {
	s.kind == "drop_index"
	s.concurrent
} else := "REINDEX CONCURRENTLY" if {
	s.kind == "reindex"
	s.concurrent
} else := "ALTER TABLE ... DETACH PARTITION CONCURRENTLY" if {
	some action in s.actions
	action.kind == "detach_partition"
	action.concurrent
	not action.finalize
} else := "VACUUM" if {
	s.kind == "vacuum"
} else := "CREATE DATABASE" if {
	s.kind == "createdb"
} else := "DROP DATABASE" if {
	s.kind == "drop"
	s.object_type == "database"
} else := "ALTER SYSTEM" if {
	s.kind == "alter_system"
} else := "ALTER TYPE ... ADD VALUE" if {
	s.kind == "alter_enum"
	s.action == "add_value"
	postgres_version < 12
}

transaction_phrase(f, s) := "the transaction opened by BEGIN earlier in the file" if {
	s.explicit_transaction
	f.transaction == "none"
} else := "the transaction the runner wraps around each file (transaction: per-file)"
