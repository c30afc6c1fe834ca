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
