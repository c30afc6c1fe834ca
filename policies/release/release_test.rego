package resilience.release_test

import data.resilience.release

test_all_passed_is_clean if {
	count(release.findings) == 0 with input as release_input
}

test_tag_outside_the_pattern_is_not_a_release if {
	not_a_release := with_fields({"tag": "docs-2", "ref": "refs/tags/docs-2", "check_runs": []})
	count(release.findings) == 0 with input as not_a_release
}

test_slash_pattern_matches_one_segment if {
	monthly := with_fields({"tag": "release/2026-11", "tag_pattern": "release/*", "check_runs": []})
	found := release.findings with input as monthly
	rules(found) == {"REL-002"}
}
