import type { Report } from "../engine/types.js";

export interface RenderContext {
  /** Colour escapes are used only for a terminal that accepts them. */
  color: boolean;
}

/** One output format. Each reporter is one file, registered in `REPORTERS`. */
export interface Reporter {
  format: string;
  render(report: Report, context: RenderContext): string;
}
