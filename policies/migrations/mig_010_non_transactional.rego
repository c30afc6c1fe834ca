package resilience.migrations

# METADATA
# title: Statement that cannot run inside a transaction runs inside one
# description: |
#   CREATE INDEX CONCURRENTLY, DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, DETACH PARTITION
#   CONCURRENTLY, VACUUM, CREATE and DROP DATABASE, ALTER SYSTEM (and, before PostgreSQL 12, ALTER TYPE
#   ... ADD VALUE) fail with "cannot run inside a transaction block". Whether a statement runs inside
#   one follows from how the runner sends the file (`runner`): Prisma and golang-migrate send it as one
#   simple-query message, so a file holding only this statement runs outside any block and a second
#   statement makes the whole message one implicit block; Flyway runs a file of only such statements
#   without a transaction; Diesel, Rails, node-pg-migrate, graphile-migrate and psql -1 wrap the file in
#   BEGIN ... COMMIT; psql runs each statement on its own. BEGIN / COMMIT in the file count too.
# custom:
#   id: MIG-010
#   severity: block
#   remediation: |
#     Give the statement a migration file of its own, holding only it, that the runner runs without a
#     transaction: Prisma and golang-migrate need nothing more; Flyway `executeInTransaction=false` in
#     `V<n>__name.sql.conf`; Diesel `run_in_transaction = false` in metadata.toml; graphile-migrate
#     `--! no-transaction`; Rails `disable_ddl_transaction!`.
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
		": the migration fails with \"", what, " cannot run inside a transaction block\" before it takes any lock ",
		"(runner model assumed: ", object.get(f, "runner_model", "statement by statement in one transaction per file"),
		"). ", no_transaction_advice(f),
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
} else := concat("", [
	"the implicit transaction block PostgreSQL opens for a simple-query message of more than one statement ",
	"(the runner sends the whole file as one message; alone in its file this statement would run outside any block)",
]) if {
	s.implicit_transaction
} else := concat("", [
	"a transaction: Flyway runs this file in one because it also holds statements Flyway runs in a transaction ",
	"(with mixed=false, the default, Flyway even refuses the file)",
]) if {
	f.flyway_mixed
} else := "the transaction the runner wraps around each file"
