// Compiles every schema in schemas/ (and each of its $defs) to standalone validation code with Ajv, bundled
// into dist/validators.cjs, so the CLI and the action do not generate and compile validators on each run.
// src/config/schemas.ts uses it when its digest matches the schemas on disk, and compiles at run time otherwise.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { Ajv } from "ajv";
import * as standalone from "ajv/dist/standalone/index.js";
import { build } from "esbuild";
import { AJV_OPTIONS, schemasDigest } from "../src/config/schemas.js";

// A CommonJS module whose function is its `default` export once imported from ESM.
const standaloneCode = (standalone as unknown as { default: (ajv: Ajv, refs: Record<string, string>) => string }).default;

const files = readdirSync("schemas").filter((file) => file.endsWith(".schema.json")).sort();
// The same options as at run time: error paths (which src/config/schemas.ts reads) depend on them.
const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: false } });
const refs: Record<string, { key: string; ref: string }> = {};
let index = 0;
for (const file of files) {
  const schema = JSON.parse(readFileSync(`schemas/${file}`, "utf8")) as { $id: string; $defs?: Record<string, unknown> };
  ajv.addSchema(schema);
  const name = file.replace(/\.schema\.json$/, "");
  refs[`v${index++}`] = { key: name, ref: schema.$id };
  for (const definition of Object.keys(schema.$defs ?? {})) {
    refs[`v${index++}`] = { key: `${name}#/$defs/${definition}`, ref: `${schema.$id}#/$defs/${definition}` };
  }
}
const code = standaloneCode(ajv, Object.fromEntries(Object.entries(refs).map(([exportName, { ref }]) => [exportName, ref])));
const keys = Object.fromEntries(Object.entries(refs).map(([exportName, { key }]) => [key, exportName]));
const source = `${code}\nmodule.exports.keys = ${JSON.stringify(keys)};\nmodule.exports.digest = ${JSON.stringify(schemasDigest())};\n`;

await build({
  stdin: { contents: source, resolveDir: process.cwd(), sourcefile: "validators.cjs", loader: "js" },
  outfile: "dist/validators.cjs",
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  legalComments: "none",
  logLevel: "warning",
  // As in build-bundle.mjs: the same bytes from a checkout whose node_modules is a link.
  preserveSymlinks: true,
});
console.error(`validators: ${Object.keys(refs).length} from ${files.length} schemas (${createHash("sha256").update(source).digest("hex").slice(0, 12)})`);
