package resilience.security_context_test

import data.resilience.security_context

test_sc_015_allowed_sources_pass if {
	spec := spec_with({"volumes": [
		{"name": "a", "configMap": {"name": "cfg"}},
		{"name": "b", "csi": {"driver": "secrets-store.csi.k8s.io"}},
		{"name": "c", "downwardAPI": {"items": []}},
		{"name": "d", "emptyDir": {}},
		{"name": "e", "ephemeral": {"volumeClaimTemplate": {"spec": {}}}},
		{"name": "f", "image": {"reference": "registry.example.com/models:1.0"}},
		{"name": "g", "persistentVolumeClaim": {"claimName": "data"}},
		{"name": "h", "projected": {"sources": []}},
		{"name": "i", "secret": {"secretName": "tls"}},
		{"name": "j"},
	]})
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-015", found)) == 0
}

test_sc_015_forbidden_sources if {
	spec := spec_with({"volumes": [
		{"name": "a", "hostPath": {"path": "/etc"}},
		{"name": "b", "nfs": {"server": "nfs.example.com", "path": "/exports"}},
		{"name": "c", "emptyDir": {}},
		{"name": "d", "gitRepo": {"repository": "https://example.com/repo.git"}},
		{"name": "e", "somethingNew": {}},
	]})
	found := security_context.findings with input as deployment(spec)
	paths("SC-015", found) == {
		["spec", "volumes", 0, "hostPath"],
		["spec", "volumes", 1, "nfs"],
		["spec", "volumes", 3, "gitRepo"],
		["spec", "volumes", 4, "somethingNew"],
	}
}

test_sc_015_message if {
	spec := spec_with({"volumes": [{"name": "shared", "cephfs": {"monitors": ["10.0.0.1:6789"]}}]})
	found := security_context.findings with input as deployment(spec)
	messages("SC-015", found) == {"volume \"shared\" uses the cephfs volume type, which restricted does not allow"}
}

test_sc_015_null_source_is_absent if {
	spec := spec_with({"volumes": [{"name": "a", "nfs": null, "emptyDir": {}}, {"name": "b", "nfs": null}]})
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-015", found)) == 0
}
