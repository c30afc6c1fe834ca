package resilience.migrations_test

test_mig_031_vacuum_full_cluster_refresh if {
	"MIG-031" in rules(found([ctx({
		"kind": "vacuum",
		"full": true,
		"tables": [table("t")],
		"locks": [{"table": "t", "mode": "ACCESS EXCLUSIVE"}],
	})]))
	"MIG-031" in rules(found([ctx({
		"kind": "cluster",
		"table": table("t"),
		"locks": [{"table": "t", "mode": "ACCESS EXCLUSIVE"}],
	})]))
	refresh := ctx({
		"kind": "refresh_materialized_view",
		"view": table("m"),
		"locks": [{"table": "m", "mode": "ACCESS EXCLUSIVE"}],
	})
	some message in messages("MIG-031", found([refresh]))
	contains(message, "REFRESH MATERIALIZED VIEW CONCURRENTLY m;")
}

test_mig_031_plain_vacuum_and_concurrent_refresh_pass if {
	not "MIG-031" in rules(found([ctx({
		"kind": "vacuum",
		"tables": [table("t")],
		"locks": [{"table": "t", "mode": "SHARE UPDATE EXCLUSIVE"}],
	})]))
	concurrent := ctx({
		"kind": "refresh_materialized_view",
		"concurrent": true,
		"view": table("m"),
		"locks": [{"table": "m", "mode": "EXCLUSIVE"}],
	})
	not "MIG-031" in rules(found([concurrent]))
}
