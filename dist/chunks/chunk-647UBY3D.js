import { createRequire as __createRequire } from "node:module"; import { dirname as __pathDirname } from "node:path"; import { fileURLToPath as __fileURLToPath } from "node:url"; const require = __createRequire(import.meta.url); const __dirname = __pathDirname(__fileURLToPath(import.meta.url));

// src/engine/logger.ts
function createStderrLogger(options = {}) {
  const write = (line) => process.stderr.write(`${line}
`);
  return {
    info: (message) => {
      if (!options.quiet) write(message);
    },
    warn: (message) => write(`warning: ${message}`),
    debug: (message) => {
      if (options.verbose) write(`debug: ${message}`);
    }
  };
}
var silentLogger = { info() {
}, warn() {
}, debug() {
} };

export {
  createStderrLogger,
  silentLogger
};
