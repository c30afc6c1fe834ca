package resilience.release_test

import data.resilience.release

test_rel_002_one_gate_missing if {
	found := release.findings with input as with_fields({"check_runs": [run("security-context", "success")]})
	[f.check | some f in found] == ["migrations"]
	rules(found) == {"REL-002"}
}

test_rel_002_other_tools_checks_do_not_count if {
	found := release.findings with input as with_fields({"check_runs": []})
	count([f | some f in found; f.rule == "REL-002"]) == 2
}

test_rel_002_a_run_on_another_commit_does_not_count if {
	other := "0123456789abcdef0123456789abcdef01234567"
	found := release.findings with input as with_fields({
		"check_runs": [run("security-context", "success")],
		"check_runs_elsewhere": [{"gate": "migrations", "head_sha": other}],
	})
	some f in found
	f.rule == "REL-002"
	f.check == "migrations"
	f.field == "head_sha"
	contains(f.message, sprintf("its latest run is on commit %s", [other]))
}
