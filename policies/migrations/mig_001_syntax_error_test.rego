package resilience.migrations_test

test_mig_001_parse_error_is_reported_where_the_parser_points if {
	f := object.union(
		file([]),
		{"parse_errors": [{"message": "syntax error at or near \"text\"", "line": 5, "column": 39, "unknown": ["public.t"]}]},
	)
	findings := found_in(doc([f]))
	some finding in of_rule("MIG-001", findings)
	finding.line == 5
	finding.column == 39
	contains(finding.message, "syntax error at or near")
	contains(finding.message, "treats public.t as unknown")
}

test_mig_001_silent_without_parse_error if {
	not "MIG-001" in rules(found([ctx({"kind": "select"})]))
}
