package resilience.migrations_test

test_mig_032_edited_migration if {
	f := object.union(file([]), {"modified": true})
	some finding in of_rule("MIG-032", found_in(doc([f])))
	finding.line == 1
}

test_mig_032_new_file_passes if {
	not "MIG-032" in rules(found([]))
}
