package resilience.readiness

# METADATA
# scope: rule
# title: A route's retries are not bounded
# description: |
#   A retry policy must say how many times it retries (at most `maxRetries`, 3 by default) and how long
#   each try may take (Gateway API `timeouts.backendRequest`, Istio `retries.perTryTimeout`, Envoy
#   `retry_policy.per_try_timeout`). Without both, retries multiply load on a backend that is already
#   failing (a retry storm) and the caller cannot know how long a request takes.
# custom:
#   id: RD-021
#   severity: block
#   remediation: |
#     Set the retry count (2 is usual) and a per-try timeout that fits the route's timeout.
#   docs: docs/readiness.md#rd-021
findings contains finding if {
	some route in input.routes
	route.retry != null
	route.retry.attempts == null
	finding := {
		"rule": "RD-021",
		"severity": route_severity(route),
		"message": sprintf(
			"%s %s %s retries without saying how many times (the implementation's default applies)",
			[route.kind, route.name, route.rule],
		),
		"place": route.retry_place,
	}
}

findings contains finding if {
	some route in input.routes
	route.retry.attempts > input.settings.max_retries
	finding := {
		"rule": "RD-021",
		"severity": route_severity(route),
		"message": sprintf(
			"%s %s %s retries %d times; at most %d are allowed",
			[route.kind, route.name, route.rule, route.retry.attempts, input.settings.max_retries],
		),
		"place": route.retry_place,
	}
}

findings contains finding if {
	some route in input.routes
	route.retry.attempts > 0
	route.retry.per_try_timeout_seconds == null
	finding := {
		"rule": "RD-021",
		"severity": route_severity(route),
		"message": sprintf(
			"%s %s %s retries %d times with no per-try timeout: one slow try uses the whole budget",
			[route.kind, route.name, route.rule, route.retry.attempts],
		),
		"place": route.retry_place,
	}
}
