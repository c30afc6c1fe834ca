// Bundles the CLI into dist/ with esbuild. Commands are split into chunks loaded on demand, so
// `resilience-gates --help` does not load the YAML, Helm or WebAssembly code.
import { copyFileSync, rmSync } from "node:fs";
import { build } from "esbuild";

rmSync("dist/chunks", { recursive: true, force: true });
await build({
  // cli: the command line; action: the GitHub Action (action.yml and actions/<gate>/action.yml run dist/action.js).
  // workers/*: worker threads (src/engine/workers.ts starts them from here).
  entryPoints: {
    cli: "src/cli.ts",
    action: "src/action/index.ts",
    "workers/policy-worker": "src/engine/policy-worker.ts",
    "workers/sql-worker": "src/sources/sql-worker.ts",
  },
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
  // CommonJS dependencies (ajv, picomatch) call require(), and libpg-query's Emscripten loader finds its
  // wasm beside __dirname; give the ESM bundle both.
  banner: {
    js: [
      'import { createRequire as __createRequire } from "node:module";',
      'import { dirname as __pathDirname } from "node:path";',
      'import { fileURLToPath as __fileURLToPath } from "node:url";',
      "const require = __createRequire(import.meta.url);",
      "const __dirname = __pathDirname(__fileURLToPath(import.meta.url));",
    ].join(" "),
  },
});
// The SQL parser (libpg-query) loads this from the chunk's directory at run time.
copyFileSync("node_modules/libpg-query/wasm/libpg-query.wasm", "dist/chunks/libpg-query.wasm");
