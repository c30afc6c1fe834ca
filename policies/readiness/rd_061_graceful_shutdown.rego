package resilience.readiness

# METADATA
# scope: rule
# title: terminationGracePeriodSeconds does not cover the preStop sleep and the app's drain
# description: |
#   When a pod is deleted, the kubelet runs the preStop hook, then sends SIGTERM, and kills the container
#   when terminationGracePeriodSeconds (default 30) runs out. When the container declares both a preStop
#   sleep and the app's drain time (the env variables named by the gate's `drainEnv`), the grace period
#   must be longer than their sum, or in-flight requests are cut off at every rollout.
# custom:
#   id: RD-061
#   severity: block
#   remediation: |
#     Raise terminationGracePeriodSeconds above preStop sleep + drain time (with a few seconds to
#     spare), or shorten the drain.
#   docs: docs/readiness.md#rd-061
findings contains finding if {
	some workload in service_workloads
	some container in workload.containers
	needed := shutdown_seconds(container)
	workload.termination_grace_seconds <= needed
	finding := {
		"rule": "RD-061",
		"severity": severity(workload_tier(workload)),
		"message": sprintf(
			"%s %s: terminationGracePeriodSeconds %s is not above container %s's preStop sleep and drain (%ss)",
			[
				workload.kind,
				workload.name,
				format_number(workload.termination_grace_seconds),
				container.name,
				format_number(needed),
			],
		),
		"place": workload.grace_place,
	}
}

shutdown_seconds(container) := object.get(container, "pre_stop_seconds", 0) + container.drain_seconds if {
	is_number(container.pre_stop_seconds)
	is_number(container.drain_seconds)
} else := container.drain_seconds if {
	is_number(container.drain_seconds)
} else := container.pre_stop_seconds if {
	is_number(container.pre_stop_seconds)
}
