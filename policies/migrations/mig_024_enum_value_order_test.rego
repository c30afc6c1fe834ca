package resilience.migrations_test

test_mig_024_appended_value if {
	s := ctx({
		"kind": "alter_enum",
		"action": "add_value",
		"type": "status",
		"value": "x",
		"existing_values": ["a", "b"],
	})
	some message in messages("MIG-024", found([s]))
	contains(message, "('a', 'b')")
	contains(message, "BEFORE '<next value>'")
}

test_mig_024_positioned_value_passes if {
	not "MIG-024" in rules(found([ctx({
		"kind": "alter_enum",
		"action": "add_value",
		"type": "status",
		"value": "x",
		"position": "before",
	})]))
}
