import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Ajv, type ErrorObject, type Options, type ValidateFunction } from "ajv";
import { packageRoot } from "../engine/package-root.js";
import type { PathSegment } from "../sources/yaml.js";

export type SchemaName = "gates" | "waivers" | "report" | "catalog" | "restore-proof" | "chaos" | "chaos-result" | "backup-evidence" | "load-budgets" | "slo" | "slo-baseline" | "kill-switches" | `${string}-input`;

let ajv: Ajv | undefined;

export function hasSchema(name: string): boolean {
  return existsSync(join(packageRoot(), "schemas", `${name}.schema.json`));
}
const compiled = new Map<string, ValidateFunction>();

export const AJV_OPTIONS: Options = { allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, verbose: true };

function instance(): Ajv {
  ajv ??= new Ajv(AJV_OPTIONS);
  return ajv;
}

/** Digest of schemas/*.schema.json: dist/validators.cjs is used only when it was built from these schemas. */
export function schemasDigest(): string {
  const directory = join(packageRoot(), "schemas");
  const hash = createHash("sha256");
  for (const file of readdirSync(directory).filter((name) => name.endsWith(".schema.json")).sort()) {
    hash.update(file).update("\0").update(readFileSync(join(directory, file))).update("\0");
  }
  return hash.digest("hex");
}

interface PrecompiledValidators {
  digest: string;
  keys: Record<string, string>;
  [exportName: string]: unknown;
}

let precompiled: PrecompiledValidators | null | undefined;

/** The validators `npm run build` compiled ahead of time (scripts/build-validators.ts), if they are current. */
function precompiledValidator(key: string): ValidateFunction | undefined {
  if (precompiled === undefined) {
    const file = join(packageRoot(), "dist", "validators.cjs");
    const loaded = existsSync(file) ? (createRequire(import.meta.url)(file) as PrecompiledValidators) : null;
    precompiled = loaded && loaded.digest === schemasDigest() ? loaded : null;
  }
  const exportName = precompiled?.keys[key];
  return exportName ? (precompiled?.[exportName] as ValidateFunction | undefined) : undefined;
}

function schemaId(name: SchemaName): string {
  return `https://resilience-gates.dev/schemas/${name}.schema.json`;
}

/** A validator for a published schema, or one of its `$defs` (`fragment` like `$defs/waiver`). */
export function validator(name: SchemaName, fragment?: string): ValidateFunction {
  const key = fragment ? `${name}#/${fragment}` : name;
  let validate = compiled.get(key) ?? precompiledValidator(key);
  if (!validate) {
    const ajvInstance = instance();
    if (!ajvInstance.getSchema(schemaId(name))) {
      ajvInstance.addSchema(JSON.parse(readFileSync(join(packageRoot(), "schemas", `${name}.schema.json`), "utf8")) as object);
    }
    validate = ajvInstance.getSchema(fragment ? `${schemaId(name)}#/${fragment}` : schemaId(name));
    if (!validate) throw new Error(`schema ${key} not found`);
    compiled.set(key, validate);
  }
  return validate;
}

export interface SchemaProblem {
  path: PathSegment[];
  message: string;
}

/** Validates and returns the problems (empty when valid), each with the path of the offending node. */
export function validate(name: SchemaName, value: unknown, fragment?: string, rootName = "the document"): SchemaProblem[] {
  const check = validator(name, fragment);
  if (check(value)) return [];
  const specificFirst = simplify(check.errors ?? []).sort((a, b) => rank(a) - rank(b));
  return specificFirst.map((error) => ({
    // An unknown key is reported at the key itself, not at its parent.
    path: [...pointerToPath(error.instancePath), ...(error.keyword === "additionalProperties" ? [String(error.params.additionalProperty)] : [])],
    message: describe(error, rootName),
  }));
}

function rank(error: ErrorObject): number {
  return error.keyword === "additionalProperties" ? 0 : error.keyword === "anyOf" || error.keyword === "oneOf" ? 2 : 1;
}

/** anyOf/oneOf produce one error per branch; the summary error says it better alone. */
function simplify(errors: ErrorObject[]): ErrorObject[] {
  const anyOf = errors.filter((error) => error.keyword === "anyOf" || error.keyword === "oneOf");
  const covered = (error: ErrorObject) =>
    anyOf.some((parent) => parent !== error && error.schemaPath.startsWith(parent.schemaPath.replace(/\/(anyOf|oneOf)$/, "/$1/")));
  const kept = errors.filter((error) => !covered(error));
  return kept.filter((error, index) => kept.findIndex((other) => other.instancePath === error.instancePath && describe(other) === describe(error)) === index);
}

export function pointerToPath(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function describe(error: ErrorObject, rootName = "the document"): string {
  const where = error.instancePath ? `\`${pointerToPath(error.instancePath).join(".")}\`` : rootName;
  switch (error.keyword) {
    case "additionalProperties":
      return `${where} has unknown key \`${String(error.params.additionalProperty)}\``;
    case "required":
      return `${where} is missing required key \`${String(error.params.missingProperty)}\``;
    case "enum":
      return `${where} must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "const":
      return `${where} must be ${JSON.stringify(error.params.allowedValue)}`;
    case "anyOf":
      return `${where} ${anyOfHint(error)}`;
    default:
      return `${where} ${error.message ?? "is invalid"}`;
  }
}

function anyOfHint(error: ErrorObject): string {
  const branches = (error.parentSchema as { anyOf?: { required?: string[] }[] } | undefined)?.anyOf;
  const keys = branches?.flatMap((branch) => branch.required ?? []);
  return keys && keys.length > 0 ? `needs at least one of ${keys.map((key) => `\`${key}\``).join(", ")}` : "matches none of the allowed forms";
}
