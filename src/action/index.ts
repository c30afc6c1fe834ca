// The action's entry point (dist/action.js): the root action.yml and every actions/<gate>/action.yml run it.
import { main } from "./main.js";
import { runAction } from "./wrapper.js";

await runAction(() => main());
