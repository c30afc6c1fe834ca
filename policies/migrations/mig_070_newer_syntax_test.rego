package resilience.migrations_test

m070_merge := ctx({"kind": "other", "newer_syntax": [{"construct": "MERGE ... RETURNING", "version": 17, "at": 4}]})

test_mig_070_syntax_newer_than_the_target if {
	findings := found_in(doc_with([file([m070_merge])], {"postgres_version": 16}))
	some message in messages("MIG-070", findings)
	contains(message, "this statement uses MERGE ... RETURNING, which PostgreSQL accepts from release 17")
	contains(message, "but postgresVersion is 16")
}

test_mig_070_target_new_enough_passes if {
	not "MIG-070" in rules(found_in(doc_with([file([m070_merge])], {"postgres_version": 17})))
}
