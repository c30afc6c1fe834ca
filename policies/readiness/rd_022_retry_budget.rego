package resilience.readiness

# METADATA
# scope: rule
# title: A route's tries do not fit inside its timeout
# description: |
#   The first try plus every retry, each allowed its per-try timeout, must fit inside the route's overall
#   timeout; otherwise the last retries are cut off by the timeout (they only add load) or, where the
#   proxy does not cap them, the caller waits longer than the route promises. Backoff between retries
#   adds to this, so the check is a lower bound.
# custom:
#   id: RD-022
#   severity: block
#   remediation: |
#     Lower the retries or the per-try timeout, or raise the overall timeout, so that
#     (retries + 1) x per-try <= timeout.
#   docs: docs/readiness.md#rd-022
findings contains finding if {
	some route in input.routes
	is_number(route.timeout_seconds)
	route.timeout_seconds > 0
	is_number(route.retry.per_try_timeout_seconds)
	is_number(route.retry.attempts)
	needed := retry_tries(route) * route.retry.per_try_timeout_seconds
	needed > route.timeout_seconds + 0.000001
	finding := {
		"rule": "RD-022",
		"severity": route_severity(route),
		"message": sprintf(
			"%s %s %s: %d tries x %ss per try = %ss, more than its %ss timeout",
			[
				route.kind,
				route.name,
				route.rule,
				retry_tries(route),
				format_number(route.retry.per_try_timeout_seconds),
				format_number(needed),
				format_number(route.timeout_seconds),
			],
		),
		"place": route.retry_place,
	}
}
