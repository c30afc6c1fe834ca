package resilience.slo_test

import data.resilience.slo

base_input := {
	"slos": [{"id": 0, "name": "api-latency"}],
	"min_samples": 100,
	"baseline_file": "baseline.json",
	"tolerance": {
		"latency_percent": 10, "error_rate_points": 0.1,
		"text": {"latency": "+10%", "error_rate": "+0.1 points"},
	},
	"objectives": [],
	"comparisons": [],
}

objective(fields) := object.union(
	{
		"id": 0, "slo": 0, "slo_name": "api-latency", "display_name": "p95 under 300 ms",
		"target": 0.95, "op": "lte", "value": 0.3, "method": "quantile", "samples": 500,
		"ratio": null, "quantile_seconds": 0.12, "burn": null,
		"text": {
			"measured": "p(95) 412 ms over 500 events", "objective": "p(95) at most 300 ms",
			"burn": {"5m": "20x", "30m": "7x", "1h": "15x", "6h": "6.5x"},
		},
	},
	fields,
)

judge(objectives, comparisons) := {f.rule |
	# regal ignore:with-outside-test-context
	some f in slo.findings with input as object.union(base_input, {"objectives": objectives, "comparisons": comparisons})
}

test_met_objective_passes if {
	judge([objective({})], []) == set()
}

test_slo_001_quantile_over if {
	judge([objective({"quantile_seconds": 0.412})], []) == {"SLO-001"}
}

test_slo_001_quantile_at_value_passes_lte_only if {
	judge([objective({"quantile_seconds": 0.3})], []) == set()
	judge([objective({"quantile_seconds": 0.3, "op": "lt"})], []) == {"SLO-001"}
}

test_slo_001_ratio_under_target if {
	judge([objective({"method": "ratio", "ratio": 0.98, "target": 0.999, "quantile_seconds": null})], []) == {"SLO-001"}
	judge([objective({"method": "ratio", "ratio": 0.9995, "target": 0.999, "quantile_seconds": null})], []) == set()
}

test_slo_001_message if {
	some f in slo.findings with input as object.union(base_input, {"objectives": [objective({"quantile_seconds": 0.412})]})
	f.message == concat("", [
		"SLO api-latency, objective p95 under 300 ms: measured p(95) 412 ms over 500 events;",
		" the objective is p(95) at most 300 ms",
	])
}

comparison(fields) := object.union(
	{
		"id": 0, "slo": 0, "slo_name": "api-latency", "objective": 0, "metric": "latency", "label": "p(95) latency",
		"current": 0.2, "baseline": 0.1, "current_samples": 500, "baseline_samples": 400,
		"text": {"current": "200 ms", "baseline": "100 ms", "change": "+100%"},
	},
	fields,
)

test_slo_002_latency_regression if {
	some f in slo.findings with input as object.union(base_input, {"comparisons": [comparison({})]})
	f.rule == "SLO-002"
	f.message == concat("", [
		"SLO api-latency: p(95) latency 200 ms vs 100 ms in the baseline (+100%),",
		" over the +10% tolerance (500 events now, 400 in the baseline)",
	])
}

test_slo_002_within_tolerance if {
	judge([], [comparison({"current": 0.109})]) == set()
}

error_rate_comparison(current, baseline) := comparison({
	"metric": "error_rate", "label": "error rate", "objective": null,
	"current": current, "baseline": baseline,
})

test_slo_003_error_rate_regression if {
	c := error_rate_comparison(0.005, 0.001)
	judge([], [c]) == {"SLO-003"}
}

test_slo_003_within_points if {
	c := error_rate_comparison(0.0019, 0.001)
	judge([], [c]) == set()
}

test_slo_004_too_few_samples if {
	judge([], [comparison({"current_samples": 40})]) == {"SLO-004"}
}

test_slo_004_no_baseline_entry if {
	judge([], [comparison({"baseline": null, "baseline_samples": null})]) == {"SLO-004"}
}

test_slo_005_fast_burn_needs_both_windows if {
	fast := {"5m": 0.02, "30m": 0.001, "1h": 0.0150, "6h": 0.001}
	judge([objective({"method": "ratio", "ratio": 0.9995, "target": 0.999, "burn": fast})], []) == {"SLO-005"}
	quiet := object.union(fast, {"5m": 0.001})
	judge([objective({"method": "ratio", "ratio": 0.9995, "target": 0.999, "burn": quiet})], []) == set()
}

test_slo_006_slow_burn if {
	slow := {"5m": 0.001, "30m": 0.007, "1h": 0.001, "6h": 0.0065}
	judge([objective({"method": "ratio", "ratio": 0.9995, "target": 0.999, "burn": slow})], []) == {"SLO-006"}
}

test_missing_windows_do_not_burn if {
	partial := {"5m": 0.5, "30m": null, "1h": null, "6h": null}
	judge([objective({"method": "ratio", "ratio": 0.9995, "target": 0.999, "burn": partial})], []) == set()
}
