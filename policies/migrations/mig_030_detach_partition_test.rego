package resilience.migrations_test

test_mig_030_detach_without_concurrently if {
	some message in messages(
		"MIG-030",
		found([alter("events", [{"kind": "detach_partition", "partition": table("events_2020")}])]),
	)
	contains(message, "DETACH PARTITION events_2020 CONCURRENTLY;")
}

test_mig_030_no_concurrent_form_before_postgresql_14 if {
	statement := alter("events", [{"kind": "detach_partition", "partition": table("p")}])
	some message in messages("MIG-030", found_in(doc_with([file([statement])], {"postgres_version": 13})))
	contains(message, "has no DETACH ... CONCURRENTLY")
}
