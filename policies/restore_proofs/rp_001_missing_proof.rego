package resilience.restore_proofs

# METADATA
# scope: document
# title: Findings of the restore-proofs gate
# description: |
#   Every rule of the gate adds to this set; the engine evaluates resilience/restore_proofs/findings.
# entrypoint: true

# METADATA
# title: A store has no valid restore-drill proof
# description: |
#   No proof of a restore drill for the store is signed by a trusted key: there is no proof at all, or
#   every proof for it is unsigned, forged, tampered with, malformed, dated in the future, or about
#   another engine. A backup nobody has restored is a hope, not a backup.
# custom:
#   id: RP-001
#   severity: block
#   remediation: |
#     Run a restore drill (`resilience-gates drill postgres|redis --source URL --store <store> --key KEY`)
#     and commit or upload the signed proof where the gate reads proofs.
#   docs: docs/restore-proofs.md#rp-001
findings contains finding if {
	some store in input.stores
	count(valid_proofs_of(store)) == 0
	detail := missing_detail(store)
	tier := format_int(store.tier, 10)
	finding := {
		"rule": "RP-001",
		"message": sprintf("tier %s store (owner %s) has no valid restore-drill proof: %s", [tier, store.owner, detail]),
		"store": store.id,
	}
}

named(store) := [proof |
	some proof in input.proofs
	proof.store == store.name
]

missing_detail(store) := sprintf("%s proofs name it, none %s", [n, trusted]) if {
	count(named(store)) > 0
	n := format_int(count(named(store)), 10)
	trusted := sprintf("signed by a trusted key, credible and for engine %s", [store.engine])
} else := sprintf("no proof names it (%s proof files read)", [n]) if {
	n := format_int(count(input.proofs) + count(input.problems), 10)
}
