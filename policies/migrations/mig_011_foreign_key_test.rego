package resilience.migrations_test

m011_fk(extra) := object.union(
	{
		"type": "foreign_key", "name": "t_u_fkey", "columns": ["u_id"], "references": table("u"), "at": 20,
		"sql": "FOREIGN KEY (u_id) REFERENCES u (id)",
	},
	extra,
)

test_mig_011_validated_foreign_key if {
	some message in messages("MIG-011", found([alter("t", [{"kind": "add_constraint", "constraint": m011_fk({})}])]))
	contains(message, "SHARE ROW EXCLUSIVE locks on t and u, which block all writes")
	contains(message, "ADD CONSTRAINT t_u_fkey FOREIGN KEY (u_id) REFERENCES u (id) NOT VALID;")
	contains(message, "VALIDATE CONSTRAINT t_u_fkey;")
}

test_mig_011_inline_references_on_add_column if {
	action := {
		"kind": "add_column", "name": "u_id", "type": {"name": "int8", "display": "bigint"}, "at": 10,
		"constraints": [m011_fk({"sql": "REFERENCES u (id)"})],
	}
	some message in messages("MIG-011", found([alter("t", [action])]))
	contains(
		message,
		"ALTER TABLE t ADD COLUMN u_id bigint; ALTER TABLE t ADD CONSTRAINT t_u_fkey FOREIGN KEY (u_id) REFERENCES u (id)",
	)
}

test_mig_011_not_valid_passes if {
	not "MIG-011" in rules(found([alter(
		"t",
		[{"kind": "add_constraint", "constraint": m011_fk({"not_valid": true})}],
	)]))
}
