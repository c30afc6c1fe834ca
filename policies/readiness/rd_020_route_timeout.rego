package resilience.readiness

# METADATA
# scope: rule
# title: A route has no timeout
# description: |
#   Every HTTP route needs an explicit overall timeout: Gateway API `timeouts.request`, Istio `timeout`,
#   Envoy route `timeout` (unset means Envoy's default 15s, which nobody chose; `0s` disables it). A
#   request without a bound holds a connection, a worker and the caller's patience when a backend hangs.
# custom:
#   id: RD-020
#   severity: block
#   remediation: |
#     Set the route's timeout to the longest a caller should wait (well under the caller's own timeout).
#   docs: docs/readiness.md#rd-020
findings contains finding if {
	some route in input.routes
	route.timeout_seconds == null
	finding := {
		"rule": "RD-020",
		"severity": route_severity(route),
		"message": sprintf(
			"%s %s %s (%s) sets no timeout%s",
			[route.kind, route.name, route.rule, route.file, envoy_default(route)],
		),
		"place": route.place,
	}
}

findings contains finding if {
	some route in input.routes
	route.timeout_disabled
	finding := {
		"rule": "RD-020",
		"severity": route_severity(route),
		"message": sprintf(
			"%s %s %s sets its timeout to 0, which disables it: requests wait forever",
			[route.kind, route.name, route.rule],
		),
		"place": route.timeout_place,
	}
}

envoy_default(route) := " (Envoy then applies its default of 15s)" if route.kind == "Envoy"

else := ""
