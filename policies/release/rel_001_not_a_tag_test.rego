package resilience.release_test

import data.resilience.release

test_rel_001_branch_push if {
	found := release.findings with input as with_fields({"tag": null, "ref": "refs/heads/main"})
	rules(found) == {"REL-001"}
	some f in found
	f.message == "ref refs/heads/main is not a tag: there is no release to approve"
}

test_rel_001_no_ref_at_all if {
	found := release.findings with input as with_fields({"tag": null, "ref": null})
	rules(found) == {"REL-001"}
}
