package resilience.readiness

# METADATA
# scope: rule
# title: A route retries requests that are not idempotent without an idempotency key
# description: |
#   Retrying a POST or PATCH (or a route that matches every method) can apply it twice: a double charge.
#   Retries are safe only on idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE, TRACE) or when the
#   route's match requires the idempotency key header (`idempotencyHeader`, Idempotency-Key by default),
#   so that the backend can recognise a repeat.
# custom:
#   id: RD-023
#   severity: block
#   remediation: |
#     Split the route: retry only GETs (match the method), and for writes either require the
#     idempotency key header in the retried route's match or do not retry.
#   docs: docs/readiness.md#rd-023
findings contains finding if {
	some route in input.routes
	route.retry.attempts > 0
	unsafe := unsafe_methods(route)
	count(unsafe) > 0
	not input.settings.idempotency_header in route.required_headers
	finding := {
		"rule": "RD-023",
		"severity": route_severity(route),
		"message": sprintf(
			"%s %s %s retries %s requests without requiring the %s header",
			[route.kind, route.name, route.rule, concat("/", sort(unsafe)), input.settings.idempotency_header],
		),
		"place": route.retry_place,
	}
}

unsafe_methods(route) := {"any method"} if count(route.methods) == 0

unsafe_methods(route) := {m |
	some m in route.methods
	not m in input.settings.idempotent_methods
} if {
	count(route.methods) > 0
}
