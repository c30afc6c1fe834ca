package resilience.security_context

# METADATA
# title: Image not pinned to a version
# description: |
#   Good practice: every container, init container and ephemeral container names its image with a
#   version tag other than latest, or better with a digest (@sha256:...). An image without a tag means
#   :latest, which moves: the same manifest deploys different code on each node pull, and a rollback
#   does not roll back. A registry port (registry:5000/app) is not a tag.
# custom:
#   id: SC-024
#   severity: block
#   remediation: |
#     Pin the image to a released version, ideally by digest:
#     ```yaml
#     image: registry.example.com/team/app:1.4.2@sha256:<digest>
#     ```
#   docs: https://kubernetes.io/docs/concepts/containers/images/#image-names
findings contains finding if {
	some workload in input.workloads
	some c in containers(pod_spec(workload))
	image := value_or(c.container, "image", "")
	problem := image_pin_problem(image)
	finding := {
		"rule": "SC-024",
		"message": sprintf("%s %s", [c.label, problem]),
		"workload": workload.id,
		"path": array.concat(c.path, ["image"]),
	}
}

image_pin_problem(image) := "has no image" if {
	image == ""
} else := sprintf("image %s is not a string", [value_text(image)]) if {
	not is_string(image)
} else := sprintf("image %s has no tag, which means latest", [value_text(image)]) if {
	not image_digest_pinned(image)
	image_tag(image) == ""
} else := sprintf("image %s uses the tag latest", [value_text(image)]) if {
	not image_digest_pinned(image)
	image_tag(image) == "latest"
}

# A digest (algorithm:hex, as in @sha256:...) pins the content whatever the tag says.
image_digest_pinned(image) if regex.match(`@[a-z0-9]+([+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}$`, image)

# image_tag is the tag of a reference: what follows the last ":" of the last path component, before
# any "@", so that the port of registry:5000/app is not mistaken for a tag.
image_tag(image) := tag if {
	parts := split(split(image, "@")[0], "/")
	last := parts[count(parts) - 1]
	contains(last, ":")
	pieces := split(last, ":")
	tag := pieces[count(pieces) - 1]
} else := ""
