package resilience.migrations_test

test_mig_001_parse_error_is_reported_where_the_parser_points if {
	f := object.union(
		file([]),
		{"parse_error": {"message": "syntax error at or near \"text\"", "line": 5, "column": 39}},
	)
	findings := found_in(doc([f]))
	some finding in of_rule("MIG-001", findings)
	finding.line == 5
	finding.column == 39
	contains(finding.message, "syntax error at or near")
}

test_mig_001_silent_without_parse_error if {
	not "MIG-001" in rules(found([ctx({"kind": "select"})]))
}
