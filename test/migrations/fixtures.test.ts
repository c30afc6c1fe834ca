import { beforeAll, describe } from "vitest";
import type { PolicyBundle } from "../../src/engine/policy.js";
import { fixtureTests } from "../support/gate-fixtures.js";
import { migrationsBundle } from "./support.js";

let bundle: PolicyBundle;
beforeAll(async () => {
  bundle = await migrationsBundle();
});

describe("migrations fixtures through the WebAssembly policy", () => {
  fixtureTests("migrations", () => bundle);
});
