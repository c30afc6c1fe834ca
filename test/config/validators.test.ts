// dist/validators.cjs (compiled ahead of time by scripts/build-validators.ts) must judge exactly as Ajv
// compiling the same schemas at run time does, and must be current: npm test builds it first.
import { createRequire } from "node:module";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AJV_OPTIONS, schemasDigest } from "../../src/config/schemas.js";
import { repoRoot } from "../support/cli.js";

const precompiled = createRequire(import.meta.url)(join(repoRoot, "dist", "validators.cjs")) as {
  digest: string;
  keys: Record<string, string>;
} & Record<string, ValidateFunction>;

const ajv = new Ajv(AJV_OPTIONS);
for (const file of readdirSync(join(repoRoot, "schemas")).filter((name) => name.endsWith(".schema.json"))) {
  ajv.addSchema(JSON.parse(readFileSync(join(repoRoot, "schemas", file), "utf8")) as object);
}

const samples: unknown[] = [{}, [], "text", 3, null, { version: 2, unknown: true }, { gates: { slo: {} } }, [{ store: 1 }]];

describe("precompiled validators", () => {
  it("were built from the schemas on disk", () => {
    expect(precompiled.digest).toBe(schemasDigest());
  });

  it("report the same errors as validators compiled at run time", () => {
    const keys = Object.entries(precompiled.keys);
    expect(keys.length).toBeGreaterThan(10);
    for (const [key, exportName] of keys) {
      const [name, fragment] = key.split("#");
      const runtime = ajv.getSchema(`https://resilience-gates.dev/schemas/${name}.schema.json${fragment ? `#${fragment}` : ""}`);
      const ahead = precompiled[exportName];
      expect(runtime, key).toBeDefined();
      for (const sample of samples) {
        const shape = (validate: ValidateFunction) => ({
          valid: validate(sample),
          errors: (validate.errors ?? []).map(({ keyword, instancePath, schemaPath, params }) => ({ keyword, instancePath, schemaPath, params })),
        });
        expect(shape(ahead as ValidateFunction), `${key} on ${JSON.stringify(sample)}`).toEqual(shape(runtime as ValidateFunction));
      }
    }
  });
});
