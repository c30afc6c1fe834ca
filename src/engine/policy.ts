import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadPolicy, type LoadedPolicy } from "@open-policy-agent/opa-wasm";
import { ConfigurationError, PolicyEvaluationError } from "./errors.js";
import { packageRoot } from "./package-root.js";
import { catalogFrom, ENGINE_RULES, type RuleCatalog, type RuleMetadata } from "./rules.js";
import type { PolicyFinding } from "./types.js";

/** A compiled policy bundle, loaded once and evaluated per gate. */
export class PolicyBundle {
  private constructor(
    private readonly policy: LoadedPolicy,
    readonly catalog: RuleCatalog,
    readonly digest: string,
    /** The compiled module, shared with workers that evaluate slices of a large input (no second compile). */
    readonly module: WebAssembly.Module,
  ) {}

  static async load(wasm: Uint8Array, rules: readonly RuleMetadata[], digest: string): Promise<PolicyBundle> {
    let module: WebAssembly.Module;
    let policy: LoadedPolicy;
    try {
      module = await WebAssembly.compile(wasm);
      policy = await loadPolicyModule(module);
    } catch (error) {
      throw new PolicyEvaluationError("(loading the bundle)", error);
    }
    return new PolicyBundle(policy, catalogFrom([...ENGINE_RULES, ...rules]), digest, module);
  }

  hasEntrypoint(entrypoint: string): boolean {
    return Object.hasOwn(this.policy.entrypoints ?? {}, entrypoint);
  }

  /** Evaluates one gate's `findings` set; anything but a list of finding objects is an error. */
  evaluate(entrypoint: string, input: unknown): PolicyFinding[] {
    let resultSet: unknown;
    try {
      resultSet = this.policy.evaluate(input, entrypoint);
    } catch (error) {
      throw new PolicyEvaluationError(entrypoint, error);
    }
    return findingsOf(entrypoint, resultSet);
  }
}

/**
 * Instantiates a compiled bundle with a fresh memory. 8192 pages (512 MiB) is a reservation, not
 * a commitment: pages are only backed once written. Starting there spares large inputs the repeated
 * grow-and-copy of the default 2-page memory.
 */
export function loadPolicyModule(module: WebAssembly.Module): Promise<LoadedPolicy> {
  // opa-wasm first asks `wasm instanceof Response`; in Node the first touch of the global Response loads
  // the whole fetch implementation (undici: tens of milliseconds, in every thread). We never pass a
  // Response, so for that synchronous check the global is a class nothing is an instance of.
  const response = Object.getOwnPropertyDescriptor(globalThis, "Response");
  if (!response?.configurable) return loadPolicy(module, { initial: 8192 });
  Object.defineProperty(globalThis, "Response", { value: class NotAResponse {}, configurable: true, writable: true });
  try {
    return loadPolicy(module, { initial: 8192 });
  } finally {
    Object.defineProperty(globalThis, "Response", response);
  }
}

/** The findings in an entrypoint's result set; anything but a list of finding objects is an error. */
export function findingsOf(entrypoint: string, resultSet: unknown): PolicyFinding[] {
  if (!Array.isArray(resultSet)) throw new PolicyEvaluationError(entrypoint, "the result set is not a list");
  if (resultSet.length === 0) return [];
  const result = (resultSet[0] as { result?: unknown }).result;
  if (!Array.isArray(result)) throw new PolicyEvaluationError(entrypoint, "`findings` is not a set");
  for (const finding of result) {
    const candidate = finding as Partial<PolicyFinding> | null;
    if (typeof candidate?.rule !== "string" || typeof candidate.message !== "string") {
      throw new PolicyEvaluationError(entrypoint, `a finding lacks rule or message: ${JSON.stringify(finding)}`);
    }
  }
  return result as PolicyFinding[];
}

let builtIn: Promise<PolicyBundle> | undefined;

/** The bundle in dist/ (policies.wasm + rules.json), loaded once per process. */
export function loadBuiltInBundle(): Promise<PolicyBundle> {
  builtIn ??= (async () => {
    const dist = join(packageRoot(), "dist");
    if (!existsSync(join(dist, "policies.wasm")) || !existsSync(join(dist, "rules.json"))) {
      throw new ConfigurationError(`${dist} has no policies.wasm or rules.json; build them with \`npm run build:policies\``);
    }
    const wasm = readFileSync(join(dist, "policies.wasm"));
    const manifest = JSON.parse(readFileSync(join(dist, "rules.json"), "utf8")) as { digest: string; rules: RuleMetadata[] };
    return PolicyBundle.load(wasm, manifest.rules, manifest.digest);
  })();
  return builtIn;
}
