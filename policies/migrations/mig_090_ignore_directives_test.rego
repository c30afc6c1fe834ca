package resilience.migrations_test

m090_index_statement := ctx({
	"kind": "create_index",
	"table": table("t"),
	"definition_sql": "t (a)",
	"locks": [{"table": "t", "mode": "SHARE"}],
})

m090_with_ignores(statements, ignores) := object.union(file(statements), {"ignores": ignores})

m090_ignore(extra) := object.union(
	{"index": 0, "scope": "statement", "statement": 0, "rules": ["MIG-007"], "reason": "tiny table", "at": 3},
	extra,
)

test_mig_090_ignore_with_a_reason_suppresses if {
	findings := found_in(doc([m090_with_ignores([m090_index_statement], [m090_ignore({})])]))
	count(findings) == 0
}

test_mig_090_ignore_without_a_reason_is_a_finding_and_suppresses_nothing if {
	findings := found_in(doc([m090_with_ignores(
		[m090_index_statement],
		[m090_ignore({"reason": "", "problem": "it gives no reason"})],
	)]))
	rules(findings) == {"MIG-007", "MIG-090"}
}

test_mig_091_unused_ignore if {
	findings := found_in(doc([m090_with_ignores(
		[m090_index_statement],
		[m090_ignore({"rules": ["MIG-007", "MIG-018"]})],
	)]))
	rules(findings) == {"MIG-091"}
	some finding in findings
	finding.at == 3
	contains(finding.message, "MIG-018 does not fire")
}

test_mig_091_file_scope if {
	used := found_in(doc([m090_with_ignores(
		[m090_index_statement],
		[m090_ignore({"scope": "file", "statement": null})],
	)]))
	count(used) == 0
	unused := found_in(doc([m090_with_ignores(
		[m090_index_statement],
		[m090_ignore({"scope": "file", "rules": ["MIG-002"]})],
	)]))
	rules(unused) == {"MIG-007", "MIG-091"}
}

test_mig_091_configured_ignores if {
	document := doc_with(
		[file([m090_index_statement])],
		{"ignores": [{"index": 0, "rule": "MIG-007", "reason": "r", "files": [0]}]},
	)
	count(found_in(document)) == 0
	unused := doc_with(
		[file([m090_index_statement])],
		{"ignores": [{"index": 0, "rule": "MIG-002", "reason": "r", "files": [0]}]},
	)
	rules(found_in(unused)) == {"MIG-007", "MIG-091"}
}
