package resilience.release

# Helpers shared by the release rules. The collector gathers the facts (the tag, the commit, the latest
# `resilience-gates / <gate>` check run of each gate on that commit, the evidence gates re-evaluated at
# tag time); these rules decide.

# The ref is a tag that matches the configured release pattern (`/` separates glob segments, so `v*`
# matches v1.2.3 and `release/*` matches release/2026-11).
tag_is_release if {
	is_string(input.tag)
	glob.match(input.tag_pattern, ["/"], input.tag)
}

# Conclusions that count as "the gate passed": success, and neutral (a gate that only warned) unless
# allow_warn is false.
passing_conclusions contains "success"

passing_conclusions contains "neutral" if input.allow_warn == true

# The latest check run of a required gate, when there is one.
check_of(gate) := run if {
	some run in input.check_runs
	run.gate == gate
}

has_check(gate) if {
	some run in input.check_runs
	run.gate == gate
}

completed(run) if run.status == "completed"

# The first part of the required check runs' names: the PR workflow's `check-name`.
check_name := object.get(input, "check_name", "resilience-gates")

check_run_name(gate) := sprintf("%s / %s", [check_name, gate])

trusted(run) if {
	some app in input.trusted_apps
	run.app == app
}

# The latest run of a gate's name that is on another commit than the judged one (it never counts).
elsewhere_of(gate) := run if {
	some run in object.get(input, "check_runs_elsewhere", [])
	run.gate == gate
}

elsewhere_note(gate) := sprintf(
	" (its latest run is on commit %s, which is not the tagged commit)",
	[elsewhere_of(gate).head_sha],
) if {
	is_string(elsewhere_of(gate).head_sha)
} else := " (its latest run names no commit, so it is not known to be on the tagged commit)" if {
	elsewhere_of(gate)
} else := ""

elsewhere_field(gate) := {"field": "head_sha"} if elsewhere_of(gate)

else := {}

# An error budget named for messages, and its figures.
budget_subject(budget) := sprintf(
	"SLO %s (%s, tier %s service %s, owner %s)",
	[budget.slo, budget.objective_name, format_int(budget.tier, 10), budget.service, budget.owner],
)

budget_figures(budget) := sprintf(
	"%s bad against %s allowed, %s of the budget left",
	[budget.text.bad, budget.text.allowed, budget.text.remaining],
)
