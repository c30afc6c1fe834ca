/** The only way logic talks to the user; the CLI writes to stderr, the action to @actions/core. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
}

export function createStderrLogger(options: { verbose?: boolean; quiet?: boolean } = {}): Logger {
  const write = (line: string) => process.stderr.write(`${line}\n`);
  return {
    info: (message) => {
      if (!options.quiet) write(message);
    },
    warn: (message) => write(`warning: ${message}`),
    debug: (message) => {
      if (options.verbose) write(`debug: ${message}`);
    },
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, debug() {} };
