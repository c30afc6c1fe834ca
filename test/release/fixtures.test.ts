import { beforeAll, describe } from "vitest";
import { loadBuiltInBundle, type PolicyBundle } from "../../src/engine/policy.js";
import { fixtureTests } from "../support/gate-fixtures.js";

let bundle: PolicyBundle;
beforeAll(async () => {
  bundle = await loadBuiltInBundle();
});

describe("release fixtures through the WebAssembly policy", () => {
  fixtureTests("release", () => bundle);
});
