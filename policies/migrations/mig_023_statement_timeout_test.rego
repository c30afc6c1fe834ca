package resilience.migrations_test

m023_statement(extra) := object.union(alter("users", [{"kind": "drop_not_null", "column": "c"}]), extra)

test_mig_023_reported_once_per_file if {
	s := object.remove(m023_statement({}), ["statement_timeout_ms"])
	findings := found([s, s])
	count(of_rule("MIG-023", findings)) == 1
	some finding in of_rule("MIG-023", findings)
	finding.statement == 0
}

test_mig_023_statement_timeout_set_or_turned_off if {
	not "MIG-023" in rules(found([m023_statement({})]))
	s := object.remove(m023_statement({}), ["statement_timeout_ms"])
	not "MIG-023" in rules(found_in(doc_with([file([s])], {"require_statement_timeout": false})))
}
