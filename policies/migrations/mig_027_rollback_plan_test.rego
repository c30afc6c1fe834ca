package resilience.migrations_test

m027_no_plan(statements) := object.union(object.remove(file(statements), ["rollback"]), {"rollback": {}})

m027_drop_column := alter("users", [{"kind": "drop_column", "column": "legacy"}])

test_mig_027_destructive_change_without_a_plan if {
	findings := found_in(doc([m027_no_plan([m027_drop_column, m027_drop_column])]))
	count(of_rule("MIG-027", findings)) == 1
	some message in messages("MIG-027", findings)
	contains(message, "drops column users.legacy (and 1 later statements with destructive changes)")
	contains(message, "U2__<description>.sql")
}

test_mig_027_down_file_or_note_is_a_plan if {
	with_file := object.union(m027_no_plan([m027_drop_column]), {"rollback": {"file": "db/U2__undo.sql"}})
	not "MIG-027" in rules(found_in(doc([with_file])))
	not "MIG-027" in rules(found([m027_drop_column]))
}

test_mig_027_empty_note_is_no_plan if {
	f := object.union(m027_no_plan([m027_drop_column]), {"rollback": {"notes": [{"text": " ", "at": 0}]}})
	"MIG-027" in rules(found_in(doc([f])))
}

test_mig_027_can_be_turned_off if {
	not "MIG-027" in rules(found_in(doc_with([m027_no_plan([m027_drop_column])], {"require_rollback_plan": false})))
}

test_mig_027_widening_is_an_expand_step if {
	widen := {
		"kind": "alter_column_type", "column": "c", "at": 1,
		"old_type": {"name": "varchar", "display": "varchar(10)", "mods": [10]},
		"new_type": {"name": "varchar", "display": "varchar(20)", "mods": [20]},
	}
	not "MIG-027" in rules(found_in(doc([m027_no_plan([alter("t", [widen])])])))
	narrow := object.union(widen, {"new_type": {"name": "varchar", "display": "varchar(5)", "mods": [5]}})
	"MIG-027" in rules(found_in(doc([m027_no_plan([alter("t", [narrow])])])))
}

test_mig_027_recreated_objects_are_no_drop if {
	recreated := ctx({
		"kind": "drop",
		"object_type": "function",
		"objects": [{"id": "public.f", "name": "f", "recreated": true}],
	})
	not "MIG-027" in rules(found_in(doc([m027_no_plan([recreated])])))
	dropped := ctx({"kind": "drop", "object_type": "function", "objects": [{"id": "public.f", "name": "f"}]})
	some message in messages("MIG-027", found_in(doc([m027_no_plan([dropped])])))
	contains(message, "drops function f and has no rollback plan")
}
