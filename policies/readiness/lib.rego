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
