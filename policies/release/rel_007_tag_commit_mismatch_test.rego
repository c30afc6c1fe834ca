package resilience.release_test

import data.resilience.release

test_rel_007_moved_tag if {
	found := release.findings with input as with_fields({"tag_commit": "0000000000000000000000000000000000000000"})
	rules(found) == {"REL-007"}
}

test_rel_007_unknown_tag_commit_is_not_a_mismatch if {
	count(release.findings) == 0 with input as with_fields({"tag_commit": null})
}
