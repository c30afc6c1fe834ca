# Helpers shared by the security-context rules: every container of a pod template (containers, init
# containers and ephemeral containers, the set upstream's visitContainers walks), the pod- and
# container-level security contexts, the Windows and user-namespace relaxations, value formatting.
package resilience.security_context

# The three container lists of a pod spec, in the order upstream visits them, with the word a
# message uses for each.
container_lists := [
	{"key": "initContainers", "kind": "init container"},
	{"key": "containers", "kind": "container"},
	{"key": "ephemeralContainers", "kind": "ephemeral container"},
]

# pod_spec is the pod spec of a workload's template, or an empty object when it has none.
pod_spec(workload) := spec if {
	spec := workload.template.spec
	is_object(spec)
} else := {}

# pod_metadata is the pod template's metadata, or an empty object when it has none.
pod_metadata(workload) := metadata if {
	metadata := workload.template.metadata
	is_object(metadata)
} else := {}

# pod_security_context is spec.securityContext, or an empty object when it is absent or null.
pod_security_context(spec) := object_or_empty(spec, "securityContext")

# object_or_empty is obj[key] when that is an object, else an empty object (absent and null alike,
# as Go decodes a JSON null into a nil pointer).
object_or_empty(obj, key) := value if {
	value := obj[key]
	is_object(value)
} else := {}

# array_or_empty is obj[key] when that is an array, else an empty array.
array_or_empty(obj, key) := value if {
	value := obj[key]
	is_array(value)
} else := []

# containers lists every container of a pod spec with where it sits:
#   key      the list it is in (containers, initContainers, ephemeralContainers)
#   kind     "container", "init container" or "ephemeral container"
#   index    its position in that list
#   name     its name (or key[index] when it has none)
#   label    kind and name, for messages: container "app"
#   path     its path inside the pod template, ["spec", key, index]
#   container         the container object
#   security_context  its securityContext, or {} when absent or null
containers(spec) := [entry |
	some list in container_lists
	some index, container in array_or_empty(spec, list.key)
	is_object(container)
	name := container_name(container, list.key, index)
	entry := {
		"key": list.key,
		"kind": list.kind,
		"index": index,
		"name": name,
		"label": sprintf("%s \"%s\"", [list.kind, name]),
		"path": ["spec", list.key, index],
		"container": container,
		"security_context": object_or_empty(container, "securityContext"),
	}
]

container_name(container, key, index) := container.name if {
	is_string(container.name)
	container.name != ""
} else := sprintf("%s[%d]", [key, index])

# pod_and_container_contexts lists the pod-level securityContext and every container's, each with
#   label             who sets it, for messages: the pod, container "app"
#   path              the path of that securityContext inside the pod template
#   security_context  the object, or {} when absent or null
pod_and_container_contexts(spec) := array.concat(
	[{
		"label": "the pod",
		"path": ["spec", "securityContext"],
		"security_context": pod_security_context(spec),
	}],
	[entry |
		some c in containers(spec)
		entry := {
			"label": c.label,
			"path": array.concat(c.path, ["securityContext"]),
			"security_context": c.security_context,
		}
	],
)

# is_windows holds for pods that declare spec.os.name: windows. Upstream relaxes the restricted
# allowPrivilegeEscalation, seccompProfile and capabilities checks for them (policy v1.25+), because
# the API rejects those Linux-only fields on Windows pods.
is_windows(spec) if spec.os.name == "windows"

# in_user_namespace holds for pods with spec.hostUsers: false. Upstream (policy v1.35+) skips the
# restricted runAsNonRoot and runAsUser checks for them.
in_user_namespace(spec) if spec.hostUsers == false

# value_text renders a value found in a manifest for a message, as JSON (strings in quotes).
value_text(value) := json.marshal(value)

# value_or is obj[key] when it is present and not null, else fallback; safe on non-objects.
value_or(obj, key, _) := obj[key] if obj[key] != null

value_or(obj, key, fallback) := fallback if not has_value(obj, key)

# has_value holds when obj[key] is present and not null.
has_value(obj, key) if {
	obj[key] != null
}

# pod_security is the Pod Security level and policy version in force for a workload, as the collector
# resolves them (the gate's podSecurity setting, or the labels of the workload's namespace):
#   level  "privileged" (no Pod Security check applies), "baseline" or "restricted"
#   minor  the policy version's minor number (v1.NN; latest is the pinned Kubernetes' minor)
# Without one (a hand-written input), restricted at the newest version modelled.
pod_security(workload) := setting if {
	setting := workload.pod_security
	is_object(setting)
} else := {"level": "restricted", "minor": 1000}

# policy_at_least holds when the workload's Pod Security version is v1.<minor> or newer.
policy_at_least(workload, minor) if pod_security(workload).minor >= minor

# baseline_checked holds when the baseline checks apply (level baseline or restricted).
baseline_checked(workload) if pod_security(workload).level in {"baseline", "restricted"}

# restricted_checked holds when the restricted checks apply.
restricted_checked(workload) if pod_security(workload).level == "restricted"

# windows_relaxed holds for Windows pods from policy v1.25, where upstream's restricted
# allowPrivilegeEscalation, capabilities and seccompProfile checks admit them.
windows_relaxed(workload, spec) if {
	is_windows(spec)
	policy_at_least(workload, 25)
}

# user_namespace_relaxed holds for pods in a user namespace from policy v1.35, where upstream's
# runAsNonRoot and runAsUser checks (and baseline's procMount) admit them.
user_namespace_relaxed(workload, spec) if {
	in_user_namespace(spec)
	policy_at_least(workload, 35)
}

# overridden_at_restricted holds where upstream replaces a baseline check by its restricted
# counterpart (capabilities, seccompProfile) and that counterpart admits the pod: a Windows pod from
# v1.25. Everywhere else a pod that fails the baseline check fails the restricted one too.
overridden_at_restricted(workload, spec) if {
	restricted_checked(workload)
	windows_relaxed(workload, spec)
}
