# Helpers shared by the restore-proofs rules. The collector reads every proof file, checks it against
# schemas/restore-proof.schema.json and verifies its Ed25519 signature against the trusted public keys
# (the fact `signature`: valid, missing or invalid); these rules decide what the facts mean.
package resilience.restore_proofs

# Grace for clocks: a proof up to five minutes in the future is not yet suspicious.
clock_skew_seconds := 300

credible(proof) if proof.drill_finished <= input.now + clock_skew_seconds

# The proof is about this store: same name and engine.
proof_of(proof, store) if {
	proof.store == store.name
	proof.engine == store.engine
}

# Proofs that count for a store: signed with a trusted key, not from the future, about the store.
valid_proofs_of(store) := [proof |
	some proof in input.proofs
	proof.signature == "valid"
	credible(proof)
	proof_of(proof, store)
]

# The newest valid proof of a store: the one that says whether it can be restored today (of two that
# finished at the same instant, the one whose file name sorts last, so the choice is stable).
latest(store) := proof if {
	proofs := valid_proofs_of(store)
	count(proofs) > 0
	newest := max([p.drill_finished | some p in proofs])
	file := max([p.file | some p in proofs; p.drill_finished == newest])
	some proof in proofs
	proof.drill_finished == newest
	proof.file == file
}

limit_text(what, key, seconds, store) := sprintf("tier %s %s %s", [tier, what, duration(seconds)]) if {
	not key in store.overrides
	tier := format_int(store.tier, 10)
} else := sprintf("%s %s (catalog override; tier %s)", [what, duration(seconds), tier]) if {
	tier := format_int(store.tier, 10)
}

# A measured duration: to a tenth of a second below a minute ("42.5s"), else as a duration ("1h30m").
measured_text(seconds) := sprintf("%s.%ss", [format_int(floor(tenths / 10), 10), format_int(tenths % 10, 10)]) if {
	seconds < 60
	tenths := round(seconds * 10)
	tenths % 10 != 0
} else := sprintf("%ss", [format_int(round(seconds), 10)]) if {
	seconds < 60
} else := duration(seconds)

# A duration for messages: 45s, 30m, 1m05s, 1h00m, 25h00m, 2d03h, 90d (whole seconds, largest unit first).
duration(seconds) := short_duration(round(seconds)) if round(seconds) < 3600

else := hours_duration(round(seconds)) if round(seconds) < 172800

else := days_duration(round(seconds))

short_duration(s) := sprintf("%ss", [format_int(s, 10)]) if s < 60

else := sprintf("%sm", [format_int(s / 60, 10)]) if s % 60 == 0

else := sprintf("%sm%ss", [format_int(floor(s / 60), 10), pad2(s % 60)])

hours_duration(s) := sprintf("%sh%sm", [format_int(floor(s / 3600), 10), pad2((s % 3600) / 60)]) if s % 60 == 0

else := sprintf("%sh%sm%ss", [format_int(floor(s / 3600), 10), pad2(floor((s % 3600) / 60)), pad2(s % 60)])

days_duration(s) := sprintf("%sd", [format_int(s / 86400, 10)]) if s % 86400 == 0

else := sprintf("%sd%sh", [format_int(floor(s / 86400), 10), pad2(floor((s % 86400) / 3600))])

pad2(n) := sprintf("0%s", [format_int(n, 10)]) if n < 10

else := format_int(n, 10)
