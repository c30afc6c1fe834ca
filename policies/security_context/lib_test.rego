package resilience.security_context_test

import data.resilience.security_context

# Test helpers shared by every *_test.rego of the security-context gate.

# A container that passes every rule of the gate.
hardened_container(name) := {
	"name": name,
	"image": "registry.example.com/team/app:1.4.2",
	"securityContext": {
		"allowPrivilegeEscalation": false,
		"readOnlyRootFilesystem": true,
		"capabilities": {"drop": ["ALL"]},
	},
	"resources": {
		"requests": {"cpu": "100m", "memory": "128Mi"},
		"limits": {"memory": "256Mi"},
	},
	"livenessProbe": {"httpGet": {"path": "/livez", "port": 8080}},
	"readinessProbe": {"httpGet": {"path": "/readyz", "port": 8080}},
}

# A pod spec that passes every rule of the gate.
hardened_spec := {
	"automountServiceAccountToken": false,
	"securityContext": {
		"runAsNonRoot": true,
		"seccompProfile": {"type": "RuntimeDefault"},
	},
	"containers": [hardened_container("app")],
}

# hardened_spec with the container list replaced.
spec_with_containers(key, list) := object.union(hardened_spec, {key: list})

# hardened_spec with the given fields merged in (deep merge).
spec_with(fields) := object.union(hardened_spec, fields)

# a hardened container with the given securityContext fields merged in.
container_with_sc(name, fields) := object.union(hardened_container(name), {"securityContext": fields})

# a hardened container without one securityContext field.
container_without_sc(name, field) := object.union(
	object.remove(hardened_container(name), ["securityContext"]),
	{"securityContext": object.remove(hardened_container(name).securityContext, [field])},
)

# hardened_spec whose only container is c.
spec_of_container(c) := spec_with_containers("containers", [c])

# hardened_spec whose only container "app" has the given securityContext fields merged in.
spec_with_app_sc(fields) := spec_of_container(container_with_sc("app", fields))

# the gate's input with one workload of the given kind.
input_for(kind, spec) := {"workloads": [{
	"id": 0,
	"kind": kind,
	"api_version": "apps/v1",
	"name": "api",
	"namespace": "prod",
	"template": {"metadata": {"labels": {"app": "api"}}, "spec": spec},
}]}

deployment(spec) := input_for("Deployment", spec)

# deployment_at is deployment(spec) judged at a Pod Security level and policy version (v1.<minor>).
deployment_at(spec, level, minor) := {"workloads": [object.union(
	deployment(spec).workloads[0],
	{"pod_security": {"level": level, "minor": minor}},
)]}

# of_rule is the subset of findings that one rule reports.
of_rule(rule, findings) := {finding | some finding in findings; finding.rule == rule}

# paths is the set of paths one rule reports.
paths(rule, findings) := {finding.path | some finding in of_rule(rule, findings)}

# messages is the set of messages one rule reports.
messages(rule, findings) := {finding.message | some finding in of_rule(rule, findings)}

test_hardened_pod_has_no_findings if {
	count(security_context.findings) == 0 with input as deployment(hardened_spec)
}

test_hardened_pod_of_every_kind_has_no_findings if {
	every kind in ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod", "Rollout"] {
		count(security_context.findings) == 0 with input as input_for(kind, hardened_spec)
	}
}

test_no_workloads_no_findings if {
	count(security_context.findings) == 0 with input as {"workloads": []}
}

test_workload_without_template_spec_does_not_fail if {
	doc := {"workloads": [{"id": 3, "kind": "Deployment", "template": {}}]}
	findings := security_context.findings with input as doc

	# only pod-level rules fire: there are no containers
	{f.rule | some f in findings} == {"SC-021"}
}

test_containers_lists_every_kind_in_upstream_order if {
	spec := {
		"containers": [{"name": "app"}],
		"initContainers": [{"name": "init"}],
		"ephemeralContainers": [{"name": "debug"}],
	}
	[[c.key, c.index, c.label] | some c in security_context.containers(spec)] == [
		["initContainers", 0, "init container \"init\""],
		["containers", 0, "container \"app\""],
		["ephemeralContainers", 0, "ephemeral container \"debug\""],
	]
}

test_containers_paths if {
	spec := {"containers": [{"name": "a"}, {"name": "b"}]}
	paths := [c.path | some c in security_context.containers(spec)]
	paths == [["spec", "containers", 0], ["spec", "containers", 1]]
}

test_containers_unnamed_and_null_lists if {
	spec := {"containers": [{"image": "x:1"}], "initContainers": null, "ephemeralContainers": "nonsense"}
	[c.name | some c in security_context.containers(spec)] == ["containers[0]"]
}

test_containers_null_security_context_is_empty if {
	spec := {"containers": [{"name": "a", "securityContext": null}]}
	[c.security_context | some c in security_context.containers(spec)] == [{}]
}

test_pod_and_container_contexts if {
	spec := {
		"securityContext": {"runAsUser": 1},
		"initContainers": [{"name": "i", "securityContext": {"runAsUser": 2}}],
	}
	[[s.label, s.path, s.security_context] | some s in security_context.pod_and_container_contexts(spec)] == [
		["the pod", ["spec", "securityContext"], {"runAsUser": 1}],
		["init container \"i\"", ["spec", "initContainers", 0, "securityContext"], {"runAsUser": 2}],
	]
}

test_is_windows if {
	security_context.is_windows({"os": {"name": "windows"}})
	not security_context.is_windows({"os": {"name": "linux"}})
	not security_context.is_windows({"os": {"name": "Windows"}})
	not security_context.is_windows({})
	not security_context.is_windows({"os": null})
}

test_in_user_namespace if {
	security_context.in_user_namespace({"hostUsers": false})
	not security_context.in_user_namespace({"hostUsers": true})
	not security_context.in_user_namespace({})
	not security_context.in_user_namespace({"hostUsers": null})
}

test_value_or if {
	security_context.value_or({"a": 1}, "a", 0) == 1
	security_context.value_or({"a": null}, "a", 0) == 0
	security_context.value_or({}, "a", 0) == 0
	security_context.value_or("text", "a", 0) == 0
}

test_every_finding_has_the_contract_fields if {
	spec := {
		"hostNetwork": true,
		"containers": [{"name": "app", "image": "nginx", "securityContext": {"privileged": true}}],
		"volumes": [{"name": "h", "hostPath": {"path": "/"}}],
	}
	findings := security_context.findings with input as deployment(spec)
	count(findings) > 5
	every finding in findings {
		is_string(finding.rule)
		is_string(finding.message)
		finding.workload == 0
		is_array(finding.path)
		finding.path[0] in {"spec", "metadata"}
	}
}
