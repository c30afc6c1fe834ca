package resilience.restore_proofs

# METADATA
# scope: rule
# title: A restore proof is for no store of the catalog
# description: |
#   The proof names a store the catalog does not have, or a store of another engine: a typo in
#   `--store`, or a renamed store. It counts for no store.
# custom:
#   id: RP-010
#   severity: warn
#   remediation: |
#     Run drills with `--store` set to the catalog's store name; remove proofs of stores that are gone.
#   docs: docs/restore-proofs.md#rp-010
findings contains finding if {
	some proof in input.proofs
	not proof.store_known
	known := concat(", ", sort([store.name | some store in input.stores]))
	finding := {
		"rule": "RP-010",
		"message": sprintf(
			"restore proof %s is for store %s, which is not in the catalog %s (known stores: %s)",
			[proof.file, proof.store, input.catalog, known],
		),
		"proof": proof.id,
		"path": ["store"],
	}
}

findings contains finding if {
	some proof in input.proofs
	some store in input.stores
	proof.store == store.name
	proof.engine != store.engine
	finding := {
		"rule": "RP-010",
		"message": sprintf(
			"restore proof %s is a %s drill, but store %s is %s in the catalog",
			[proof.file, proof.engine, store.name, store.engine],
		),
		"proof": proof.id,
		"path": ["engine"],
	}
}
