# Helpers shared by the chaos-readiness rules. The collector reads every chaos result (files, and
# ConfigMaps in --cluster mode), checks it against schemas/chaos-result.schema.json and verifies its
# Ed25519 signature against the trusted drill keys (the fact `signature`: valid, missing or invalid);
# these rules decide what the facts mean.
#
# What a service of a required tier must prove is a set of slots: one per declared dependency (an
# experiment that makes the dependency fail, slow or unreachable) and one for pod loss. A slot is proved
# by its newest countable result: signed by a trusted key, not from the future, not contradicting itself,
# and run against a version of the service the gate accepts.
package resilience.chaos_readiness

# Grace for clocks: a result up to five minutes in the future is not yet suspicious.
clock_skew_seconds := 300

credible(result) if result.finished <= input.now + clock_skew_seconds

required_services contains service if {
	some service in input.services
	service.required
}

# The result is about this slot of the service: a dependency's name, or "" for pod loss.
in_slot(result, service, "") if {
	result.service == service.name
	result.pod_loss
}

in_slot(result, service, dependency) if {
	dependency != ""
	result.service == service.name
	not result.pod_loss
	result.dependency == dependency
}

version_accepted(_, service) if service.accept_versions == null

version_accepted(result, service) if {
	some version in service.accept_versions
	not endswith(version, "*")
	result.service_version == version
}

version_accepted(result, service) if {
	is_string(result.service_version)
	some version in service.accept_versions
	endswith(version, "*")
	startswith(result.service_version, trim_suffix(version, "*"))
}

# Signed by a trusted key, credible, and consistent: a result that may speak for its slot.
trusted(result) if {
	result.signature == "valid"
	credible(result)
	count(contradictions(result)) == 0
}

countable_in(service, slot) := [result |
	some result in input.results
	trusted(result)
	in_slot(result, service, slot)
	version_accepted(result, service)
]

# The newest countable result of a slot (of two that finished at the same second, the one whose file
# name sorts last, then the one read last, so the choice is stable).
latest(service, slot) := result if {
	results := countable_in(service, slot)
	count(results) > 0
	newest := max([r.finished | some r in results])
	file := max([r.file | some r in results; r.finished == newest])
	id := max([r.id | some r in results; r.finished == newest; r.file == file])
	some result in results
	result.id == id
}

# Each slot of each required service, with its newest countable result.
latest_results contains [service, slot, result] if {
	some service in required_services
	some slot in array.concat(service.dependencies, [""])
	result := latest(service, slot)
}

slot_text("") := "pod loss"

slot_text(slot) := sprintf("dependency %s", [slot]) if slot != ""

service_text(service) := sprintf(
	"tier %s service %s (owner %s)",
	[format_int(service.tier, 10), service.name, service.owner],
)

# An age or a span for messages, in its largest whole unit: 45s, 12m, 5h, 97d.
span(s) := sprintf("%sd", [format_int(s / 86400, 10)]) if s >= 172800

else := sprintf("%sh", [format_int(s / 3600, 10)]) if s >= 7200

else := sprintf("%sm", [format_int(s / 60, 10)]) if s >= 120

else := sprintf("%ss", [format_int(s, 10)])

# What makes a result impossible or contradict itself, in words, as [result id, text]. `chaos run`
# never writes one; a result with any of these was edited (and re-signed) or written by something else.
contradicted contains [
	result.id,
	sprintf("says passed but lists %s failures", [format_int(count(result.failures), 10)]),
] if {
	some result in passed
	count(result.failures) > 0
}

contradicted contains [
	result.id,
	sprintf(
		"says passed but SLO %s objective %s was missed %s the fault",
		[sli.slo, format_int(sli.objective, 10), phase_word[sli.phase]],
	),
] if {
	some result in passed
	some sli in result.slis
	sli.required
	not sli.met
}

contradicted contains [
	result.id,
	sprintf("says passed but the expected degradation \"%s\" was not observed", [expectation.description]),
] if {
	some result in passed
	some expectation in result.expectations
	not expectation.observed
}

contradicted contains [result.id, sprintf("says passed but the undo \"%s\" failed", [undo.what])] if {
	some result in passed
	some undo in result.undone
	not undo.ok
}

contradicted contains [result.id, "says passed but the fault was never injected"] if {
	some result in passed
	result.fault_started == null
}

contradicted contains [
	result.id,
	sprintf("says passed without measuring the steady state %s the fault", [phase]),
] if {
	some result in passed
	some phase in ["before", "after"]
	count([sli | some sli in result.slis; sli.phase == phase]) == 0
}

contradicted contains [result.id, sprintf("%s is earlier than %s", [later, earlier])] if {
	some result in input.results
	some [later, earlier] in [
		["fault_started", "started"],
		["fault_ended", "fault_started"],
		["recovered", "fault_ended"],
		["finished", "started"],
		["finished", "fault_ended"],
		["finished", "recovered"],
	]
	is_number(result[later])
	is_number(result[earlier])
	result[later] < result[earlier]
}

contradicted contains [result.id, "the fault ended but never started"] if {
	some result in input.results
	result.fault_started == null
	result.fault_ended != null
}

contradicted contains [result.id, sprintf("its %s phase counts more errors than requests", [phase])] if {
	some result in input.results
	some phase, figures in result.phases
	figures != null
	figures.errors > figures.requests
}

contradicted contains [
	result.id,
	sprintf("SLO %s objective %s is met with no samples", [sli.slo, format_int(sli.objective, 10)]),
] if {
	some result in input.results
	some sli in result.slis
	sli.met
	sli.samples == 0
}

contradicted contains [
	result.id,
	sprintf(
		"SLO %s objective %s: `met` disagrees with its own ratio and target",
		[sli.slo, format_int(sli.objective, 10)],
	),
] if {
	some result in input.results
	some sli in result.slis
	sli.quantile_seconds == null
	is_number(sli.ratio)
	sli.samples > 0
	good_enough := sli.ratio >= sli.target
	sli.met != good_enough
}

contradicted contains [result.id, "its recovery time is negative"] if {
	some result in input.results
	result.recovery_seconds < 0
}

contradicted contains [result.id, "it names both a dependency and pod loss, or neither"] if {
	some result in input.results
	names_dependency := result.dependency != null
	result.pod_loss == names_dependency
}

contradicted contains [result.id, "says aborted but its during phase was not aborted"] if {
	some result in input.results
	result.result == "aborted"
	not result.phases.during.aborted
}

passed contains result if {
	some result in input.results
	result.result == "passed"
}

phase_word := {"before": "before", "during": "during", "after": "after"}

contradictions(result) := sort([text | some [id, text] in contradicted; id == result.id])
