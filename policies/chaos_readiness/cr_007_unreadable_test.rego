package resilience.chaos_readiness_test

import data.resilience.chaos_readiness

test_cr_007_problem if {
	doc := object.union(base, {"problems": [{"id": 0, "file": "results/x.json", "message": "the file is truncated"}]})
	found := chaos_readiness.findings with input as doc
	rules(found) == {"CR-007"}
	some f in found
	f.problem == 0
}
