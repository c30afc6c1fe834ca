// The schema that the unchanged files at the start of a run leave, kept between runs. With `--base` on a
// long history, replaying every earlier file is most of the work, and those files rarely change. An entry
// is keyed by a digest of each file's path and bytes, the options that shape the replay, this code and
// the parser, so it is never stale; one that cannot be read is ignored (and replaced).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cacheDirectory } from "../../engine/cache.js";
import type { Logger } from "../../engine/logger.js";
import { sqlParserWasm } from "../../sources/sql.js";
import { ANALYZER_MODULE } from "./facts.js";
import { SchemaState, type ColumnState, type ConstraintState, type TableState, type TriggerState } from "./schema.js";
import type { Volatility } from "./volatility.js";
import { makeDirectories } from "../../engine/directories.js";

const FORMAT = "schema-cache 2";
/** Entries kept; the oldest go first. */
const KEEP = 16;

export interface ReplayedFile {
  shown: string;
  /** How the runner executes it. */
  transaction: string;
  bytes: Uint8Array;
}

let codeDigest: string | undefined;

/** The code that replays the files: the analyzer's bundle chunk (or, from source, its directory) and the parser. */
function replayCodeDigest(): string {
  if (codeDigest) return codeDigest;
  const hash = createHash("sha256");
  const here = fileURLToPath(ANALYZER_MODULE);
  const files = here.endsWith(".ts")
    ? readdirSync(dirname(here))
        .filter((name) => name.endsWith(".ts"))
        .sort()
        .map((name) => join(dirname(here), name))
    : [here];
  for (const file of [...files, sqlParserWasm()]) hash.update(file.slice(dirname(file).length)).update(readFileSync(file));
  codeDigest = hash.digest("hex");
  return codeDigest;
}

/** The key of the schema these files leave, replayed in this order with these settings. */
export function schemaKey(files: readonly ReplayedFile[], settings: unknown): string {
  const hash = createHash("sha256").update(FORMAT).update("\0").update(replayCodeDigest()).update("\0").update(JSON.stringify(settings));
  for (const file of files) {
    hash.update("\0").update(file.shown).update("\0").update(file.transaction).update("\0").update(createHash("sha256").update(file.bytes).digest());
  }
  return hash.digest("hex");
}

interface StoredSchema {
  format: string;
  tables: [string, { kind: TableState["kind"]; columns: [string, ColumnState][]; constraints: [string, ConstraintState][] }][];
  indexes: [string, string][];
  enums: [string, string[]][];
  functions: [string, Volatility][];
  triggers: [string, TriggerState][];
  statistics: [string, string][];
}

const entryFile = (key: string) => cacheDirectory("migrations-schema", `${key}.json`);

/** The cached schema for `key`, or undefined (none, or unreadable: then it is removed). */
export function cachedSchema(key: string, logger: Logger): SchemaState | undefined {
  const file = entryFile(key);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  try {
    const stored = JSON.parse(text) as StoredSchema;
    if (stored.format !== FORMAT) throw new Error(`format ${String(stored.format)}`);
    const schema = new SchemaState();
    for (const [id, table] of stored.tables) {
      schema.tables.set(id, { kind: table.kind, columns: new Map(table.columns), constraints: new Map(table.constraints) });
    }
    for (const [index, table] of stored.indexes) schema.indexes.set(index, table);
    for (const [type, values] of stored.enums) schema.enums.set(type, values);
    for (const [name, volatility] of stored.functions) schema.functions.set(name, volatility);
    for (const [id, trigger] of stored.triggers) schema.triggers.set(id, trigger);
    for (const [id, table] of stored.statistics) schema.statistics.set(id, table);
    return schema;
  } catch (error) {
    logger.info(`migrations: ignoring an unreadable schema cache entry ${file} (${error instanceof Error ? error.message : String(error)}); replaying instead`);
    rmSync(file, { force: true });
    return undefined;
  }
}

/** Keeps `schema` under `key` (written whole, then renamed: a reader never sees half an entry). */
export function cacheSchema(key: string, schema: SchemaState, logger: Logger): void {
  const stored: StoredSchema = {
    format: FORMAT,
    tables: [...schema.tables].map(([id, table]) => [id, { kind: table.kind, columns: [...table.columns], constraints: [...table.constraints] }]),
    indexes: [...schema.indexes],
    enums: [...schema.enums],
    functions: [...schema.functions],
    triggers: [...schema.triggers],
    statistics: [...schema.statistics],
  };
  const file = entryFile(key);
  try {
    makeDirectories(dirname(file));
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, JSON.stringify(stored));
    renameSync(partial, file);
    pruneEntries(dirname(file));
  } catch (error) {
    logger.info(`migrations: could not keep the replayed schema in ${dirname(file)} (${error instanceof Error ? error.message : String(error)})`);
  }
}

function pruneEntries(directory: string): void {
  const entries = readdirSync(directory)
    .filter((name) => name.endsWith(".json"))
    .map((name) => ({ name, at: statSync(join(directory, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const entry of entries.slice(KEEP)) rmSync(join(directory, entry.name), { force: true });
}
