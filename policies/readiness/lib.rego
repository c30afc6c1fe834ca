# Helpers shared by the readiness rules. The collector gathers the facts (the catalog's services with
# their tiers, the runbooks as read, workloads, alerts, routes, kill switches) and gives every fact a
# `place`, which findings carry so the collector can point at the file and line. These rules decide.
package resilience.readiness

# What the service's tier demands (input.settings.tiers is keyed by the tier as a string).
tier_settings(tier) := input.settings.tiers[sprintf("%d", [tier])]

# A finding's severity follows the tier of the service it is about.
severity(tier) := tier_settings(tier).severity

# Tier 0 and 1 services are the critical ones: DRI, SLO, burn-rate alerts, PDB, HPA and kill switches.
critical(tier) if tier <= 1

service_by_name[service.name] := service if some service in input.services

known_services := concat(", ", sort([service.name | some service in input.services]))

days(seconds) := floor(seconds / 86400)

slo_by_name[slo.name] := slo if some slo in input.slos

# Two numbers are the same threshold when they agree to a part in a million (0.1 * 14.4 is not 1.44 in binary).
same_number(a, b) if abs(a - b) <= 0.000001 * max([1, abs(b)])

# The alerts that guard an objective: the `slo` label names its SLO and `objective` its index (or the SLO has one).
alerts_of(slo, objective) := [alert |
	some alert in input.alerts
	alert.slo == slo.name
	alert.objective == objective.index
]

# An alert covers a burn-rate pair when it reads both windows and compares with factor × the error budget
# (written as the product, or as the factor and the budget or target apart).
covers(alert, pair, objective) if {
	pair.long_seconds in alert.windows
	pair.short_seconds in alert.windows
	threshold_written(alert, pair.factor, objective.target)
}

threshold_written(alert, factor, target) if {
	some n in alert.numbers
	same_number(n, factor * (1 - target))
}

threshold_written(alert, factor, target) if {
	some f in alert.numbers
	same_number(f, factor)
	some b in alert.numbers
	budget_number(b, target)
}

budget_number(b, target) if same_number(b, 1 - target)

budget_number(b, target) if same_number(b, target)

# The tier a workload is judged by: its service's, or its store's.
workload_tier(workload) := service_by_name[workload.service].tier

workload_tier(workload) := store.tier if {
	workload.service == null
	some store in input.stores
	store.name == workload.store
}

# The workloads of tier 0/1 services (stores' workloads are judged by the backups and restore gates).
critical_service_workloads contains workload if {
	some workload in input.workloads
	critical(service_by_name[workload.service].tier)
}

service_workloads contains workload if {
	some workload in input.workloads
	service_by_name[workload.service]
}

# A route's severity: the most critical tier among the services behind it; block when it reaches none.
route_severity(route) := severity(min(tiers)) if {
	tiers := [service_by_name[name].tier | some name in route.services; service_by_name[name]]
	count(tiers) > 0
} else := "block"

retry_tries(route) := route.retry.attempts + 1

# A number as text (sprintf's %s formats numbers differently under opa and under WebAssembly).
format_number(n) := json.marshal(n)
