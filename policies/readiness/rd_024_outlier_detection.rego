package resilience.readiness

# METADATA
# scope: rule
# title: An Envoy cluster has no outlier detection
# description: |
#   Without `outlier_detection` Envoy keeps sending a share of the traffic to a host that fails every
#   request, and retries land on it again. Ejecting outliers is what makes retries useful.
# custom:
#   id: RD-024
#   severity: block
#   remediation: |
#     Add `outlier_detection` to the cluster (for example consecutive_5xx 5, interval 10s,
#     base_ejection_time 30s, max_ejection_percent 50).
#   docs: docs/readiness.md#rd-024
findings contains finding if {
	some cluster in input.clusters
	not cluster.outlier_detection
	finding := {
		"rule": "RD-024",
		"severity": route_severity(cluster),
		"message": sprintf("Envoy cluster %s (%s) has no outlier_detection", [cluster.name, cluster.file]),
		"place": cluster.place,
	}
}
