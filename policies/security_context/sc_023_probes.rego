package resilience.security_context

# METADATA
# title: Long-running container without liveness or readiness probe
# description: |
#   Good practice: every container of a long-running workload (Deployment, StatefulSet, DaemonSet,
#   ReplicaSet, ReplicationController and custom kinds such as Argo Rollouts) declares a livenessProbe
#   and a readinessProbe. Without a readiness probe traffic reaches pods that cannot serve it yet, and
#   rollouts proceed on broken versions; without a liveness probe a hung process is never restarted.
#   Run-to-completion and unmanaged kinds (Job, CronJob, bare Pod, PodTemplate), init containers and
#   ephemeral containers are not checked.
# custom:
#   id: SC-023
#   severity: warn
#   remediation: |
#     Add both probes to the container, pointing at endpoints the application serves:
#     ```yaml
#     livenessProbe:
#       httpGet:
#         path: /livez
#         port: 8080
#     readinessProbe:
#       httpGet:
#         path: /readyz
#         port: 8080
#     ```
#   docs: https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
findings contains finding if {
	some workload in input.workloads
	not workload.kind in not_long_running_kinds
	some c in containers(pod_spec(workload))
	c.key == "containers"
	some probe in ["livenessProbe", "readinessProbe"]
	not has_value(c.container, probe)
	finding := {
		"rule": "SC-023",
		"message": sprintf("%s of a %s has no %s", [c.label, workload.kind, probe]),
		"workload": workload.id,
		"path": array.concat(c.path, [probe]),
	}
}

not_long_running_kinds := {"Job", "CronJob", "Pod", "PodTemplate"}
