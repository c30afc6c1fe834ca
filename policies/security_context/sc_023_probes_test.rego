package resilience.security_context_test

import data.resilience.security_context

test_sc_023_missing_probes_in_deployment if {
	spec := spec_with_containers("containers", [
		object.remove(hardened_container("app"), ["livenessProbe", "readinessProbe"]),
		object.remove(hardened_container("side"), ["readinessProbe"]),
	])
	found := security_context.findings with input as deployment(spec)
	paths("SC-023", found) == {
		["spec", "containers", 0, "livenessProbe"],
		["spec", "containers", 0, "readinessProbe"],
		["spec", "containers", 1, "readinessProbe"],
	}
}

test_sc_023_message if {
	spec := spec_of_container(object.remove(hardened_container("app"), ["livenessProbe"]))
	found := security_context.findings with input as input_for("StatefulSet", spec)
	messages("SC-023", found) == {"container \"app\" of a StatefulSet has no livenessProbe"}
}

test_sc_023_long_running_and_custom_kinds if {
	spec := spec_of_container(object.remove(hardened_container("app"), ["livenessProbe"]))
	every kind in ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Rollout"] {
		found := security_context.findings with input as input_for(kind, spec)
		count(of_rule("SC-023", found)) == 1
	}
}

test_sc_023_run_to_completion_kinds_are_exempt if {
	spec := spec_of_container(object.remove(hardened_container("app"), ["livenessProbe", "readinessProbe"]))
	every kind in ["Job", "CronJob", "Pod", "PodTemplate"] {
		found := security_context.findings with input as input_for(kind, spec)
		count(of_rule("SC-023", found)) == 0
	}
}

test_sc_023_init_and_ephemeral_containers_are_not_checked if {
	bare := object.remove(hardened_container("x"), ["livenessProbe", "readinessProbe"])
	spec := object.union(hardened_spec, {"initContainers": [bare], "ephemeralContainers": [bare]})
	found := security_context.findings with input as deployment(spec)
	count(of_rule("SC-023", found)) == 0
}

test_sc_023_null_probe_is_missing if {
	spec := spec_of_container(object.union(hardened_container("app"), {"readinessProbe": null}))
	found := security_context.findings with input as deployment(spec)
	paths("SC-023", found) == {["spec", "containers", 0, "readinessProbe"]}
}
