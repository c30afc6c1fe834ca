/** Progress of a drill on stderr: `[  12.3s] restore: pg_restore into rg_drill_ledger_...`. */
export interface Progress {
  /** A new phase (dump, restore, verify, smoke, cleanup) with what it does. */
  phase(name: string, detail: string): void;
  /** A step within the current phase (tables verified, keys compared). */
  step(detail: string): void;
}

export function createProgress(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`), clock: () => number = Date.now): Progress {
  const started = clock();
  let current = "drill";
  const stamp = () => `[${((clock() - started) / 1000).toFixed(1).padStart(6)}s]`;
  return {
    phase(name, detail) {
      current = name;
      write(`${stamp()} ${name}: ${detail}`);
    },
    step(detail) {
      write(`${stamp()} ${current}: ${detail}`);
    },
  };
}

export const silentProgress: Progress = { phase() {}, step() {} };
