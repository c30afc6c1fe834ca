package resilience.chaos_readiness

# METADATA
# scope: document
# title: Findings of the chaos-readiness gate
# description: |
#   Every rule of the gate adds to this set; the engine evaluates resilience/chaos_readiness/findings.
# entrypoint: true

# METADATA
# title: A dependency of a tier 0/1 service has no valid chaos result
# description: |
#   The service declares the dependency in the catalog, but no chaos experiment that makes it fail, slow
#   or unreachable has a result that counts: none was run, or every result for it is unsigned, forged,
#   tampered with, unreadable, from the future, self-contradicting or from a version the gate does not
#   accept. Nobody knows what the service does when that dependency goes away.
# custom:
#   id: CR-001
#   severity: block
#   remediation: |
#     Declare an experiment for the dependency in .resilience/chaos.yaml (`dependency: NAME`, a fault that
#     stops, pauses, slows or cuts it, and the degradation you expect), run it with
#     `resilience-gates chaos run --experiment NAME --key KEY` and keep the signed result where the gate reads results.
#   docs: docs/chaos.md#cr-001
findings contains finding if {
	some service in required_services
	some index, dependency in service.dependencies
	not latest(service, dependency)
	finding := {
		"rule": "CR-001",
		"message": sprintf(
			"%s has no valid chaos result for its dependency %s: %s",
			[service_text(service), dependency, missing_detail(service, dependency)],
		),
		"service": service.id,
		"dependency_index": index,
	}
}

declared(service, slot) := [experiment |
	some experiment in input.experiments
	experiment.service == service.name
	slot_of(experiment) == slot
]

slot_of(experiment) := "" if experiment.pod_loss

else := experiment.dependency

named_results(service, slot) := [result |
	some result in input.results
	in_slot(result, service, slot)
]

missing_detail(service, slot) := sprintf(
	"%s results name it, none counts (signed by a trusted key, credible, consistent%s)",
	[n, versions],
) if {
	count(named_results(service, slot)) > 0
	n := format_int(count(named_results(service, slot)), 10)
	versions := accepted_text(service)
} else := sprintf(
	"experiment %s (%s line %s) has no result among the %s read",
	[experiment.name, experiment.file, format_int(experiment.line, 10), n],
) if {
	some experiment in declared(service, slot)
	n := format_int(count(input.results) + count(input.problems), 10)
} else := sprintf("no experiment is declared for it%s", [where]) if {
	where := declared_where
}

default declared_where := ""

declared_where := sprintf(" in %s", [input.experiments_file]) if input.experiments_file != null

accepted_text(service) := "" if service.accept_versions == null

else := sprintf(", version %s", [concat(" or ", service.accept_versions)])
