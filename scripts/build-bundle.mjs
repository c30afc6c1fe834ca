// Bundles the CLI into dist/ with esbuild. Commands are split into chunks loaded on demand, so
// `resilience-gates --help` does not load the YAML, Helm or WebAssembly code.
import { rmSync } from "node:fs";
import { build } from "esbuild";

rmSync("dist/chunks", { recursive: true, force: true });
await build({
  entryPoints: { cli: "src/cli.ts" },
  outdir: "dist",
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: false,
  legalComments: "none",
  logLevel: "warning",
  // CommonJS dependencies (ajv, picomatch) call require(); give the ESM bundle one.
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
});
