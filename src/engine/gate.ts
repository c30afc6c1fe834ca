import type { LoadedConfig } from "../config/load.js";
import type { Workspace } from "../sources/files.js";
import type { Logger } from "./logger.js";
import type { WaiverProblem } from "./waivers.js";
import type { PolicyFinding, ResourceRef, SourceLocation, Waiver } from "./types.js";

export interface GateContext {
  workspace: Workspace;
  logger: Logger;
  now: Date;
  /**
   * The token for GitHub API reads (release check runs, SLO baseline artifacts): the action's
   * github-token input, or GITHUB_TOKEN / GH_TOKEN on the command line. Given explicitly, never through
   * process.env, which child processes would inherit.
   */
  githubToken?: string;
  /** The config the engine runs with (the `--config` / `config` input file, or none): never reloaded from a default path. */
  config?: LoadedConfig;
}

/** Where a policy finding points, resolved by the collector that produced the input. */
export interface FindingPlace {
  resource?: ResourceRef;
  /** The container of the resource, when the finding is about one. */
  container?: string;
  location?: SourceLocation;
  /** Waivers written next to the object (for example in its annotations); they apply to it alone. */
  waivers?: Waiver[];
}

export interface CollectedInput {
  /** The policy input document, without `now` (the engine adds it). */
  input?: Record<string, unknown>;
  /**
   * Or the input in slices that are judged each on its own (for a long migration history, a few dozen
   * files each), produced while collection goes on: the engine evaluates one slice while the next is
   * collected. Each slice is a whole input document (without `now`) and is checked against the input
   * schema like one.
   */
  slices?: AsyncIterable<Record<string, unknown>>;
  locate(finding: PolicyFinding): FindingPlace;
  /** Complete once `slices`, if given, has been read to its end. */
  stats: Record<string, number>;
  /**
   * Inputs that could not be read or parsed, in words naming the file and line (complete, like `stats`,
   * once `slices` has been read): the verdict is then `error`, and the findings on the rest stay.
   */
  errors?: string[];
  /** Problems with waivers found while collecting (annotation waivers that do not parse, say). */
  waiverProblems?: WaiverProblem[];
}

export interface CliFlag {
  name: string;
  type: "string" | "boolean";
  multiple?: boolean;
  description: string;
}

/**
 * A gate: one fixed interface, listed in the registry. Its options are validated against the
 * `$defs/<id>` schema in schemas/gates.schema.json before `collect` sees them.
 */
export interface Gate<Options = Record<string, unknown>> {
  id: string;
  summary: string;
  cliFlags: readonly CliFlag[];
  /** Builds the gate's options from one-off CLI flags; undefined when no flag for this gate was given. */
  optionsFromFlags(flags: Record<string, unknown>): Options | undefined;
  collect(context: GateContext, options: Options): Promise<CollectedInput>;
  /**
   * The input list whose items the rules judge one at a time (no rule compares two of them). The engine
   * then evaluates it in slices, which keeps the WebAssembly heap small on large inputs.
   */
  independentItems?: string;
  /**
   * The options that judge one fixture file of `fixtures/<gate>/` (its expectations are in its
   * `# expect:` or `-- expect:` header); used to generate the cases `opa test` runs.
   */
  fixtureOptions(file: string): Options;
}
