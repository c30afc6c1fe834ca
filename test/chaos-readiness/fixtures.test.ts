import { beforeAll, describe } from "vitest";
import type { PolicyBundle } from "../../src/engine/policy.js";
import { compileGateBundle } from "../backups/bundle.js";
import { fixtureTests } from "../support/gate-fixtures.js";

let bundle: PolicyBundle;
beforeAll(async () => {
  bundle = await compileGateBundle(["chaos-readiness"]);
});

describe("chaos-readiness fixtures through the WebAssembly policy", () => {
  fixtureTests("chaos-readiness", () => bundle);
});
