package resilience.migrations_test

m029_none_file(statements) := object.union(file(statements), {"transaction": "none"})

test_mig_029_commit_in_runner_transaction_is_a_warning if {
	some finding in of_rule("MIG-029", found([ctx({"kind": "transaction", "action": "commit"})]))
	finding.severity == "warn"
	contains(finding.message, "half applied")
}

test_mig_029_unclosed_begin_blocks if {
	f := object.union(m029_none_file([{"kind": "transaction", "action": "begin"}]), {"unclosed_transaction": 0})
	some finding in of_rule("MIG-029", found_in(doc([f])))
	not finding.severity
}

test_mig_029_balanced_transaction_passes if {
	f := m029_none_file([{"kind": "transaction", "action": "begin"}, {"kind": "transaction", "action": "commit"}])
	not "MIG-029" in rules(found_in(doc([f])))
}

test_mig_029_commit_mid_message_commits_and_reopens_an_implicit_block if {
	f := object.union(
		file([
			ctx({"kind": "create_table", "index": 0}),
			ctx({"kind": "transaction", "action": "commit", "statements_after": 1, "index": 1}),
			ctx({"kind": "create_table", "index": 2}),
		]),
		{"transaction": "single-message", "runner_model": "prisma: one message"},
	)
	some finding in of_rule("MIG-029", found_in(doc([f])))
	contains(finding.message, "commits the statements before it")
	contains(finding.message, "new implicit transaction")
}

test_mig_029_closing_commit_of_a_message_passes if {
	f := object.union(
		file([
			ctx({"kind": "transaction", "action": "begin", "index": 0}),
			ctx({"kind": "create_table", "index": 1}),
			ctx({"kind": "transaction", "action": "commit", "statements_after": 0, "index": 2}),
		]),
		{"transaction": "single-message", "runner_model": "prisma: one message"},
	)
	not "MIG-029" in rules(found_in(doc([f])))
}
