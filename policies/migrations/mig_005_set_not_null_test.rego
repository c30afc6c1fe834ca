package resilience.migrations_test

test_mig_005_set_not_null_scans if {
	some message in messages("MIG-005", found([alter("users", [{"kind": "set_not_null", "column": "email"}])]))
	contains(message, "ACCESS EXCLUSIVE lock on users, which blocks all reads and writes")
	contains(message, "ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID")
}

test_mig_005_validated_check_or_already_not_null_pass if {
	not "MIG-005" in rules(found([alter(
		"users",
		[{"kind": "set_not_null", "column": "email", "validated_check": "c"}],
	)]))
	not "MIG-005" in rules(found([alter(
		"users",
		[{"kind": "set_not_null", "column": "email", "already_not_null": true}],
	)]))
}

test_mig_005_check_does_not_help_before_postgresql_12 if {
	statement := alter("users", [{"kind": "set_not_null", "column": "email", "validated_check": "c"}])
	"MIG-005" in rules(found_in(doc_with([file([statement])], {"postgres_version": 11})))
}
