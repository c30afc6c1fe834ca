package resilience.migrations

# METADATA
# title: Table dropped while the application may use it
# description: |
#   DROP TABLE (or VIEW, MATERIALIZED VIEW) deletes the object, and for tables all their rows; running
#   application versions that still query it fail at once. It takes ACCESS EXCLUSIVE. Not flagged for
#   objects created earlier in the same migration, nor for a view or materialized view the same
#   transaction creates again (nobody outside the transaction sees it missing).
# custom:
#   id: MIG-017
#   severity: block
#   remediation: |
#     First deploy a release that no longer reads or writes the table; drop it in a later migration,
#     with a backup or a rollback plan (see MIG-027). Ignore this rule on that statement with the
#     reason once the application no longer uses it.
#   docs: docs/migrations.md#mig-017
violation contains finding if {
	some [fi, si] in input.index.statements.drop
	f := input.files[fi]
	s := f.statements[si]
	s.object_type in {"table", "view", "materialized_view", "foreign_table"}
	some dropped in s.objects
	existing(dropped)
	not dropped.recreated
	message := concat("", [
		"DROP ", upper(replace(s.object_type, "_", " ")), " ", dropped.name, " deletes it", dropped_data(s),
		"; every running app version that still queries it fails at once. It takes ",
		lock_phrase("ACCESS EXCLUSIVE", dropped.name), ". Instead first deploy a release that no longer uses ", dropped.name,
		", then drop it in a later migration (keep a copy if you may need the rows: CREATE TABLE ",
		ident(concat("", [last_part(dropped.name), "_backup"])), " AS TABLE ", qname(dropped.name),
		";), and mark that statement with -- resilience-gates-ignore MIG-017: <release that stopped using it>",
	])
	finding := at_statement("MIG-017", message, f, s)
}

dropped_data(s) := " and all its rows" if s.object_type in {"table", "materialized_view"}

else := ""
