// Volatility of built-in PostgreSQL functions (pg_proc.provolatile), for the functions that show up in
// column defaults. A function not listed here and not created by a replayed migration is "unknown".

export type Volatility = "immutable" | "stable" | "volatile" | "unknown";

const VOLATILE = [
  "random",
  "random_normal",
  "setseed",
  "gen_random_uuid",
  "uuidv4",
  "uuidv7",
  "uuid_generate_v1",
  "uuid_generate_v1mc",
  "uuid_generate_v4",
  "gen_random_bytes",
  "gen_salt",
  "clock_timestamp",
  "timeofday",
  "nextval",
  "setval",
  "currval",
  "lastval",
  "txid_current",
  "pg_current_xact_id",
  "pg_sleep",
  "dblink",
];

const STABLE = [
  "now",
  "transaction_timestamp",
  "statement_timestamp",
  "current_setting",
  "current_schema",
  "current_schemas",
  "current_database",
  "current_user",
  "session_user",
  "current_query",
  "inet_client_addr",
  "pg_backend_pid",
  "to_char",
  "to_date",
  "to_timestamp",
  "age",
  "date_trunc",
  "date_part",
  "concat",
  "concat_ws",
  "format",
  "to_json",
  "to_jsonb",
  "json_build_object",
  "jsonb_build_object",
  "json_build_array",
  "jsonb_build_array",
  "array_to_json",
  "row_to_json",
  "localtime",
  "localtimestamp",
  "current_date",
  "current_time",
  "current_timestamp",
  "has_table_privilege",
];

const IMMUTABLE = [
  "lower",
  "upper",
  "length",
  "char_length",
  "octet_length",
  "abs",
  "ceil",
  "floor",
  "round",
  "trunc",
  "md5",
  "sha256",
  "btrim",
  "ltrim",
  "rtrim",
  "trim",
  "substr",
  "substring",
  "replace",
  "left",
  "right",
  "lpad",
  "rpad",
  "repeat",
  "split_part",
  "array_length",
  "cardinality",
  "greatest",
  "least",
  "make_date",
  "make_interval",
  "make_time",
  "int4",
  "int8",
  "numeric",
  "text",
  "jsonb_typeof",
  "json_typeof",
  "array_fill",
  "uuid_nil",
  "uuid_ns_url",
  "encode",
  "decode",
  "power",
  "mod",
  "sqrt",
  "bool",
];

const BUILT_IN = new Map<string, Volatility>([
  ...IMMUTABLE.map((name) => [name, "immutable"] as const),
  ...STABLE.map((name) => [name, "stable"] as const),
  ...VOLATILE.map((name) => [name, "volatile"] as const),
]);

/** Volatility of a built-in function by (unqualified or pg_catalog-qualified) name. */
export function builtInVolatility(name: string): Volatility {
  const bare = name.startsWith("pg_catalog.") ? name.slice("pg_catalog.".length) : name.startsWith("public.") ? name.slice("public.".length) : name;
  return BUILT_IN.get(bare) ?? "unknown";
}

const RANK: Record<Volatility | "none", number> = { none: 0, immutable: 1, stable: 2, unknown: 3, volatile: 4 };

/** The least safe of two volatilities: volatile > unknown > stable > immutable. */
export function worstVolatility<T extends Volatility | "none">(a: T, b: T): T {
  return RANK[a] >= RANK[b] ? a : b;
}
