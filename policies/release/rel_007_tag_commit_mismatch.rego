package resilience.release

# METADATA
# title: Tag does not point at the judged commit
# description: |
#   The tag resolves to a different commit than the one the gate judged (the tag was moved, or the
#   workflow checked out another commit). Approving one commit while shipping another is what this gate
#   exists to prevent.
# custom:
#   id: REL-007
#   severity: block
#   remediation: Re-run the release gate for the tag's current commit; do not move release tags.
#   docs: https://git-scm.com/docs/git-tag#_on_re_tagging
findings contains finding if {
	tag_is_release
	is_string(input.tag_commit)
	input.tag_commit != input.commit
	finding := {
		"rule": "REL-007",
		"message": sprintf("tag %s points at %s, but the gate judged %s", [input.tag, input.tag_commit, input.commit]),
		"field": "tag_commit",
	}
}
