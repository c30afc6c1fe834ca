import type { RuleCatalog } from "../engine/rules.js";
import type { Report } from "../engine/types.js";

export interface RenderContext {
  /** Colour escapes are used only for a terminal that accepts them. */
  color: boolean;
  /**
   * The loaded bundle's rule catalog (`PolicyBundle.catalog`: dist/rules.json plus the engine's own
   * rules). Formats that describe rules (SARIF) take titles, descriptions and docs from it; without it
   * they fall back to what each finding carries.
   */
  catalog?: RuleCatalog;
  /**
   * Names this run of the suite apart from others on the same commit (the action's `check-name`): check-run
   * names and SARIF categories (`<category>/<gate>/`) carry it. Default `resilience-gates`.
   */
  category?: string;
}

/** One output format. Each reporter is one file, registered in `REPORTERS`. */
export interface Reporter {
  format: string;
  render(report: Report, context: RenderContext): string;
}
