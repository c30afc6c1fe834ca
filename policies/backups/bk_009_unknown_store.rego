package resilience.backups

# METADATA
# scope: rule
# title: A backup names a store the catalog does not have
# description: |
#   A backup definition's resilience-gates.io/store label, a binding in the config, or a backup evidence
#   record names a store that is not in the catalog: a typo or a renamed store. The backup then counts
#   for nothing, and the store it was meant for may look unprotected or stale.
# custom:
#   id: BK-009
#   severity: block
#   remediation: |
#     Use the store's name exactly as the catalog writes it, or add the store to the catalog.
#   docs: docs/backups.md#bk-009
findings contains finding if {
	some schedule in input.schedules
	some name in schedule.unknown_stores
	finding := {
		"rule": "BK-009",
		"message": sprintf("its label says it backs up store %s, which is %s", [name, not_in_catalog]),
		"schedule": schedule.id,
		"field": "label",
	}
}

findings contains finding if {
	some binding in input.bindings
	not binding.store_known
	finding := {
		"rule": "BK-009",
		"message": sprintf("the %s binds it to store %s, which is %s", [binding.origin, binding.store, not_in_catalog]),
		"binding": binding.id,
	}
}

findings contains finding if {
	some record in input.evidence
	not store_by_name[record.store]
	finding := {
		"rule": "BK-009",
		"message": sprintf(
			"backup evidence %s is for store %s, which is not in the catalog %s (known stores: %s)",
			[record.file, record.store, input.catalog, known_stores],
		),
		"evidence": record.id,
		"field": "store",
	}
}

not_in_catalog := sprintf("not in the catalog %s (known stores: %s)", [input.catalog, known_stores])

known_stores := concat(", ", sort([store.name | some store in input.stores]))
