import * as core from "@actions/core";
import { ConfigurationError, describeThrown } from "../engine/errors.js";

export const EXIT = { ok: 0, block: 1, error: 2 } as const;

/** What an entry point returns: the exit status and, on failure, the one line the step shows. */
export interface ActionOutcome {
  exitCode: number;
  failure?: string;
  /** The failure line was already written as the step's first error annotation. */
  announced?: boolean;
}

/**
 * The one wrapper every entry point runs in: it catches everything, tells a configuration error (the
 * user can fix it: bad config, missing file, unknown gate) from an internal failure (a bug, reported
 * with its stack in the debug log), and sets the step's result and exit status.
 */
export async function runAction(main: () => Promise<ActionOutcome>): Promise<number> {
  let exitCode: number;
  try {
    const outcome = await main();
    exitCode = outcome.exitCode;
    if (outcome.failure && !outcome.announced) core.setFailed(outcome.failure);
  } catch (error) {
    exitCode = EXIT.error;
    core.setOutput("verdict", "error");
    const message =
      error instanceof ConfigurationError
        ? `configuration error: ${error.message}`
        : `internal error: ${describeThrown(error)} (a bug in resilience-gates: re-run with debug logging and report it)`;
    if (!(error instanceof ConfigurationError) && error instanceof Error && error.stack) core.debug(error.stack);
    core.setFailed(message);
    await writeSummary(`## 💥 resilience-gates: ERROR\n\n\`\`\`text\n${message.replace(/`/g, "'")}\n\`\`\`\n`);
  }
  process.exitCode = exitCode;
  return exitCode;
}

/** The job summary says why the step failed, even when no gate ran. Never throws. */
async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary.addRaw(markdown).write();
  } catch {}
}
