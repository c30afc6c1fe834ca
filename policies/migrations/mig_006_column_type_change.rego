package resilience.migrations

# METADATA
# scope: rule
# title: Column type change rewrites the table
# description: |
#   ALTER COLUMN ... TYPE rewrites the table and rebuilds its indexes under ACCESS EXCLUSIVE, which
#   blocks all reads and writes, unless the old type is binary-coercible to the new one and no USING
#   clause changes the values. The gate knows the old type from the replayed migrations, so these are
#   not flagged: varchar(n) to varchar(m) with m >= n or to unbounded varchar or text, text to
#   unbounded varchar, numeric(p,s) to numeric(q,s) with q >= p or to unbounded numeric, varbit
#   widening, and cidr to inet; and timestamp to timestamptz on PostgreSQL 12+ when the session
#   TimeZone is UTC (from `sessionTimeZone`, or a SET TIME ZONE earlier in the file). With the time
#   zone unknown, that conversion is a warning that says what it depends on. USING the column itself
#   (USING col, USING col::type) converts as no USING does; any other USING expression rewrites.
#   Running application versions that read the old type may break too.
# custom:
#   id: MIG-006
#   severity: block
#   remediation: |
#     Expand and contract: add a column of the new type, write both columns (application or trigger),
#     backfill in batches, move reads to the new column, and drop the old one in a later release.
#   docs: docs/migrations.md#mig-006
violation contains finding if {
	some [fi, si, ai] in input.index.actions.alter_column_type
	f := input.files[fi]
	s := f.statements[si]
	s.kind == "alter_table"
	existing(s.table)
	action := s.actions[ai]
	not safe_type_change(action)
	not zone_dependent(action)
	table := qname(s.table.name)
	new_column := ident(concat("", [action.column, "_new"]))
	message := concat("", [
		"ALTER COLUMN ", action.column, " TYPE ", action.new_type.display, " ", old_type_phrase(action), " rewrites ",
		s.table.name, " and rebuilds its indexes while holding ", lock_phrase("ACCESS EXCLUSIVE", s.table.name),
		"; running app versions that read the old type may break. Instead expand and contract: ALTER TABLE ", table,
		" ADD COLUMN ", new_column, " ", action.new_type.display, "; write both columns (application or trigger); UPDATE ",
		table, " SET ", new_column, " = ", ident(action.column), "::", action.new_type.display,
		" WHERE <primary key range>; -- repeat per batch; move reads to ", new_column, ", then drop ", action.column,
		" in a later release",
	])
	finding := at_node("MIG-006", message, f, s, action.at)
}

violation contains finding if {
	some [fi, si, ai] in input.index.actions.alter_column_type
	f := input.files[fi]
	s := f.statements[si]
	s.kind == "alter_table"
	existing(s.table)
	action := s.actions[ai]
	zone_dependent(action)
	message := concat("", [
		"ALTER COLUMN ", action.column, " TYPE ", action.new_type.display, " (from ", action.old_type.display,
		") depends on the session TimeZone: with UTC PostgreSQL 12+ only changes the catalog; with any other zone it ",
		"converts every value and rewrites ", s.table.name, " while holding ", lock_phrase("ACCESS EXCLUSIVE", s.table.name),
		". The zone is also how PostgreSQL reads each stored value: if they are UTC times, put SET TIME ZONE 'UTC'; ",
		"before it in the file (or, if the runner's sessions already are UTC, say so with sessionTimeZone: UTC in the ",
		"gate's config)",
	])
	finding := object.union(at_node("MIG-006", message, f, s, action.at), {"severity": "warn"})
}

old_type_phrase(action) := concat(
	"",
	[
		"(from ", action.old_type.display, ", with USING ", object.get(action, "using_sql", "..."),
		", which computes new values)",
	],
) if {
	is_object(action.old_type)
	action.using
} else := concat("", [
	"(from ", action.old_type.display, ": metadata-only on PostgreSQL 12+ only when the session TimeZone is UTC, and ",
	"here it is ", zone_of(action), ", so every value is converted)",
]) if {
	timestamptz_conversion(action)
	postgres_version >= 12
} else := concat("", [
	"(from ", action.old_type.display, ": PostgreSQL ", format_int(postgres_version, 10),
	" converts every value; 12+ skips the rewrite when the session TimeZone is UTC)",
]) if {
	timestamptz_conversion(action)
} else := concat("", ["(from ", action.old_type.display, ")"]) if is_object(action.old_type)

else := "(the old type is unknown: no earlier migration given defines the column, so a rewrite is assumed)"

safe_type_change(action) if {
	not action.using
	is_object(action.old_type)
	binary_coercible(action.old_type, action.new_type)
}

safe_type_change(action) if {
	timestamptz_conversion(action)
	postgres_version >= 12
	utc_zone(zone_of(action))
}

# timestamp to timestamptz, converting the column itself, with no narrower precision.
timestamptz_conversion(action) if {
	not action.using
	is_object(action.old_type)
	action.old_type.name == "timestamp"
	action.new_type.name == "timestamptz"
	is_array_type(action.old_type) == is_array_type(action.new_type)
	not_narrower(mods(action.old_type), mods(action.new_type))
}

# zone_of is the session TimeZone the conversion runs under: a SET TIME ZONE earlier in the file, else
# the configured sessionTimeZone; undefined when neither says.
zone_of(action) := action.session_time_zone if is_string(action.session_time_zone)

else := input.settings.session_time_zone if is_string(input.settings.session_time_zone)

utc_zone(zone) if lower(zone) in {
	"utc", "etc/utc", "uct", "etc/uct", "gmt", "etc/gmt", "gmt0", "etc/gmt0", "etc/gmt+0", "etc/gmt-0",
	"universal", "etc/universal", "zulu", "etc/zulu", "greenwich", "etc/greenwich", "z", "+00", "+00:00", "0",
}

zone_dependent(action) if {
	timestamptz_conversion(action)
	postgres_version >= 12
	not zone_of(action)
}

binary_coercible(old, new) if {
	old.name == new.name
	mods(old) == mods(new)
	is_array_type(old) == is_array_type(new)
}

binary_coercible(old, new) if {
	not is_array_type(old)
	not is_array_type(new)
	old.name in {"varchar", "varbit"}
	new.name == old.name
	not_narrower(mods(old), mods(new))
}

binary_coercible(old, new) if {
	not is_array_type(old)
	not is_array_type(new)
	old.name in {"varchar", "text"}
	new.name == "text"
}

binary_coercible(old, new) if {
	not is_array_type(old)
	not is_array_type(new)
	old.name == "text"
	new.name == "varchar"
	count(mods(new)) == 0
}

binary_coercible(old, new) if {
	not is_array_type(old)
	not is_array_type(new)
	old.name == "numeric"
	new.name == "numeric"
	numeric_widening(mods(old), mods(new))
}

binary_coercible(old, new) if {
	not is_array_type(old)
	not is_array_type(new)
	old.name == "cidr"
	new.name == "inet"
}

not_narrower(_, new_mods) if count(new_mods) == 0

not_narrower(old_mods, new_mods) if {
	count(old_mods) == 1
	count(new_mods) == 1
	new_mods[0] >= old_mods[0]
}

numeric_widening(_, new_mods) if count(new_mods) == 0

numeric_widening(old_mods, new_mods) if {
	count(old_mods) > 0
	count(new_mods) > 0
	new_mods[0] >= old_mods[0]
	scale(new_mods) == scale(old_mods)
}

scale(mods) := mods[1] if count(mods) > 1

else := 0

mods(type) := object.get(type, "mods", [])

is_array_type(type) := object.get(type, "array", false)
