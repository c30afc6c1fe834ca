package resilience.migrations_test

m012_check(extra) := object.union({"type": "check", "name": "t_c_check", "at": 5, "sql": "CHECK (c > 0)"}, extra)

test_mig_012_validated_check if {
	some message in messages(
		"MIG-012",
		found([alter("t", [{"kind": "add_constraint", "constraint": m012_check({})}])]),
	)
	contains(message, "ACCESS EXCLUSIVE lock on t, which blocks all reads and writes")
	contains(message, "ADD CONSTRAINT t_c_check CHECK (c > 0) NOT VALID;")
}

test_mig_012_not_valid_passes if {
	not "MIG-012" in rules(found([alter(
		"t",
		[{"kind": "add_constraint", "constraint": m012_check({"not_valid": true})}],
	)]))
}

test_mig_012_domain_constraint if {
	statement := ctx({
		"kind": "alter_domain",
		"domain": "positive",
		"action": "add_constraint",
		"constraint_type": "check",
	})
	some message in messages("MIG-012", found([statement]))
	contains(message, "SHARE lock")
}
