import { resolveTool } from "../../src/sources/tools.js";
import { inCi } from "../support/ci.js";

/** The readiness tests run the real promtool: missing, they fail under CI and say how to install it elsewhere. */
export function promtoolMissing(): string | undefined {
  try {
    resolveTool("promtool");
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

export const skipWithoutPromtool = promtoolMissing() !== undefined && !inCi;

export function requirePromtool(): void {
  const missing = promtoolMissing();
  if (missing) throw new Error(missing);
}
