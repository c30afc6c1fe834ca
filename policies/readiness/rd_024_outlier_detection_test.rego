package resilience.readiness_test

import data.resilience.readiness

test_rd_024_no_outlier_detection if {
	bare := {"name": "api", "file": "envoy.yaml", "services": ["api"], "outlier_detection": false, "place": 12}
	found := readiness.findings with input as with_input({"clusters": [bare]})
	rules(found) == {"RD-024"}
}
