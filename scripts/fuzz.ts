// `npm run fuzz -- [--cases N] [--seed S] [--timeout MS]`: the mutation fuzz campaign of test/fuzz over
// every gate, longer than the bounded run of `npm test`; prints a table per gate and every violation.
import { parseArgs } from "node:util";
import { fuzzCases } from "../test/fuzz/cases.js";
import { runFuzz, summarize } from "../test/fuzz/run.js";

const { values } = parseArgs({ options: { cases: { type: "string", default: "1000" }, seed: { type: "string", default: "20261203" }, timeout: { type: "string", default: "20000" } } });
const count = Number(values.cases);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count <= 0 || !Number.isInteger(seed)) {
  process.stderr.write("usage: npm run fuzz -- [--cases N] [--seed S] [--timeout MS]\n");
  process.exit(2);
}
const started = Date.now();
const results = await runFuzz(fuzzCases(count, seed), {
  timeoutMs: Number(values.timeout),
  onResult: (_, done) => {
    if (done % 50 === 0 || done === count) process.stderr.write(`fuzz: ${done}/${count} cases, ${((Date.now() - started) / 1000).toFixed(0)}s\n`);
  },
});
process.stdout.write(`${summarize(results)}\n`);
const violations = results.filter((result) => result.violations.length > 0).length;
process.stdout.write(`${results.length} cases (seed ${seed}) in ${((Date.now() - started) / 1000).toFixed(1)}s: ${violations} with violations\n`);
process.exitCode = violations > 0 ? 1 : 0;
