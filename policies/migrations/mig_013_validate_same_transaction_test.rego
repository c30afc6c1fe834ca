package resilience.migrations_test

test_mig_013_validate_in_the_same_transaction if {
	action := {
		"kind": "validate_constraint",
		"name": "fk",
		"type": "foreign_key",
		"not_valid_added_in_transaction": true,
	}
	some message in messages("MIG-013", found([alter("t", [action])]))
	contains(message, "SHARE ROW EXCLUSIVE lock on t, which blocks all writes")
	contains(message, "to a later migration")
}

test_mig_013_validate_later_passes if {
	not "MIG-013" in rules(found([alter("t", [{"kind": "validate_constraint", "name": "fk"}])]))
}
