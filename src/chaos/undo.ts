import type { UndoRecord } from "./result.js";

/**
 * What an experiment changed, to be undone in reverse order: at the end, on failure, and on SIGINT or
 * SIGTERM (the handlers stay installed until `undoAll` has run). Each undo runs once, and a failing undo
 * does not stop the others; every one is listed with its outcome.
 */
export class UndoLedger {
  private readonly steps: { what: string; undo: () => Promise<string | void> }[] = [];
  private done: Promise<UndoRecord[]> | undefined;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.log(`${signal}: undoing what the experiment changed before exiting`);
    void this.undoAll().then((records) => {
      for (const record of records) this.log(`${record.ok ? "undone" : "UNDO FAILED"}: ${record.what}${record.detail ? ` (${record.detail})` : ""}`);
      process.exit(130);
    });
  };

  constructor(private readonly log: (line: string) => void) {
    process.on("SIGINT", this.onSignal);
    process.on("SIGTERM", this.onSignal);
  }

  /** Registers the undo of a change just made. */
  push(what: string, undo: () => Promise<string | void>): void {
    if (this.done) throw new Error(`cannot register "${what}": the experiment was already undone`);
    this.steps.push({ what, undo });
  }

  get pending(): number {
    return this.steps.length;
  }

  /** Runs every undo, newest first; later calls return the same records. */
  undoAll(): Promise<UndoRecord[]> {
    this.done ??= (async () => {
      const records: UndoRecord[] = [];
      for (const step of [...this.steps].reverse()) {
        try {
          const detail = await step.undo();
          records.push({ what: step.what, ok: true, ...(detail ? { detail } : {}) });
        } catch (error) {
          records.push({ what: step.what, ok: false, detail: error instanceof Error ? error.message : String(error) });
        }
      }
      process.off("SIGINT", this.onSignal);
      process.off("SIGTERM", this.onSignal);
      return records;
    })();
    return this.done;
  }
}
