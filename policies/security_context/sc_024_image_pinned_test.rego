package resilience.security_context_test

import data.resilience.security_context

image_spec(image) := spec_of_container(object.union(hardened_container("app"), {"image": image}))

test_sc_024_pinned_images if {
	every image in [
		"nginx:1.27.2",
		"registry.example.com/team/app:1.4.2",
		"registry.example.com:5000/team/app:2024.10.1",
		"localhost:5000/app:v3",
		"app@sha256:0f2a8cf2b5f0a0e3f5c3b1b6b2e8e9c8d7f6a5b4c3d2e1f00112233445566778",
		"registry.example.com:5000/app@sha256:0f2a8cf2b5f0a0e3f5c3b1b6b2e8e9c8d7f6a5b4c3d2e1f00112233445566778",
		"nginx:latest@sha256:0f2a8cf2b5f0a0e3f5c3b1b6b2e8e9c8d7f6a5b4c3d2e1f00112233445566778",
	] {
		found := security_context.findings with input as deployment(image_spec(image))
		count(of_rule("SC-024", found)) == 0
	}
}

test_sc_024_unpinned_images if {
	every image in [
		"nginx",
		"nginx:latest",
		"registry.example.com/team/app",
		"registry.example.com:5000/team/app",
		"localhost:5000/app:latest",
		"app@sha256:not-a-digest",
	] {
		found := security_context.findings with input as deployment(image_spec(image))
		count(of_rule("SC-024", found)) == 1
	}
}

test_sc_024_message_no_tag_with_registry_port if {
	found := security_context.findings with input as deployment(image_spec("reg:5000/app"))
	messages("SC-024", found) == {"container \"app\" image \"reg:5000/app\" has no tag, which means latest"}
}

test_sc_024_message_latest if {
	found := security_context.findings with input as deployment(image_spec("nginx:latest"))
	messages("SC-024", found) == {"container \"app\" image \"nginx:latest\" uses the tag latest"}
}

test_sc_024_message_empty_image if {
	found := security_context.findings with input as deployment(image_spec(""))
	messages("SC-024", found) == {"container \"app\" has no image"}
}

test_sc_024_missing_image if {
	spec := spec_of_container(object.remove(hardened_container("app"), ["image"]))
	found := security_context.findings with input as deployment(spec)
	paths("SC-024", found) == {["spec", "containers", 0, "image"]}
}

test_sc_024_every_container_kind if {
	bad := object.union(hardened_container("x"), {"image": "busybox"})
	spec := object.union(hardened_spec, {"initContainers": [bad], "ephemeralContainers": [bad]})
	found := security_context.findings with input as deployment(spec)
	paths("SC-024", found) == {
		["spec", "initContainers", 0, "image"],
		["spec", "ephemeralContainers", 0, "image"],
	}
}
