// Bundles the services' entry points into dist/ with esbuild (dependencies stay in node_modules).
//   node build.mjs [--outdir DIR]
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const outIndex = args.indexOf("--outdir");
const outdir = outIndex >= 0 && args[outIndex + 1] ? path.resolve(args[outIndex + 1]) : path.join(here, "dist");

await build({
  absWorkingDir: here,
  entryPoints: {
    api: "src/entry/api.ts",
    payments: "src/entry/payments.ts",
    migrate: "src/entry/migrate.ts",
    smoke: "src/entry/smoke.ts",
  },
  outdir,
  bundle: true,
  packages: "external",
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  logLevel: "warning",
});
console.log(`built reference-app into ${path.relative(process.cwd(), outdir) || "."}`);
