package resilience.migrations_test

test_mig_025_persistence_change_rewrites if {
	"MIG-025" in rules(found([alter("t", [{"kind": "set_logged"}])]))
	some message in messages("MIG-025", found([alter("t", [{"kind": "set_unlogged"}])]))
	contains(message, "emptied after a crash")
}

test_mig_025_new_table_passes if {
	not "MIG-025" in rules(found([alter_new("t", [{"kind": "set_logged"}])]))
}
