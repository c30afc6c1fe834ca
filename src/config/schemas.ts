import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { packageRoot } from "../engine/package-root.js";
import type { PathSegment } from "../sources/yaml.js";

export type SchemaName = "gates" | "waivers" | "report" | "catalog" | "restore-proof" | "backup-evidence" | "load-budgets" | "slo" | "slo-baseline" | `${string}-input`;

let ajv: Ajv | undefined;

export function hasSchema(name: string): boolean {
  return existsSync(join(packageRoot(), "schemas", `${name}.schema.json`));
}
const compiled = new Map<string, ValidateFunction>();

function instance(): Ajv {
  ajv ??= new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, verbose: true });
  return ajv;
}

function schemaId(name: SchemaName): string {
  return `https://resilience-gates.dev/schemas/${name}.schema.json`;
}

/** A validator for a published schema, or one of its `$defs` (`fragment` like `$defs/waiver`). */
export function validator(name: SchemaName, fragment?: string): ValidateFunction {
  const key = fragment ? `${name}#/${fragment}` : name;
  let validate = compiled.get(key);
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
