// The action's entry point (dist/action.js): the root action.yml and every actions/<gate>/action.yml run it.
import { keepWasmOnBaselineCompiler } from "../engine/wasm-compiler.js";
import { main } from "./main.js";
import { runAction } from "./wrapper.js";

keepWasmOnBaselineCompiler();
await runAction(() => main());
