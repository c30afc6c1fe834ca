package resilience.release

# METADATA
# scope: document
# title: Findings of the release gate
# description: |
#   Every rule of the gate adds to this set; the engine evaluates resilience/release/findings.
# entrypoint: true

# METADATA
# title: Release gate ran without a tag
# description: |
#   The release gate approves a release tag: it judges the commit a tag points at. Run on a branch
#   push or a pull request it has nothing to approve, and it blocks rather than pass silently, so a
#   workflow that triggers it on the wrong event is noticed.
# custom:
#   id: REL-001
#   severity: block
#   remediation: |
#     Run the release gate on tag pushes only:
#     ```yaml
#     on:
#       push:
#         tags: ["v*"]
#     ```
#     or give the tag explicitly (`tag:` in gates.release, `--tag` on the command line).
#   docs: https://docs.github.com/actions/reference/workflows-and-actions/events-that-trigger-workflows#push
findings contains finding if {
	not is_string(input.tag)
	finding := {
		"rule": "REL-001",
		"message": sprintf("ref %s is not a tag: there is no release to approve", [ref_shown]),
		"field": "ref",
	}
}

default ref_shown := "(none)"

ref_shown := input.ref if is_string(input.ref)
