// Runs fuzz cases in one process, one after another, through the built CLI's main() (dist/cli.js, what
// users run): a case arrives over IPC as {id, cwd, args}, its exit code and output go back. The parent
// kills this process when a case does not finish in time (a hang), and starts another.
import { main } from "../../dist/cli.js";

const write = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
let captured = "";
const capture = (chunk) => {
  captured += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
  return true;
};

process.on("message", async ({ id, cwd, args }) => {
  captured = "";
  process.stdout.write = capture;
  process.stderr.write = capture;
  let code;
  try {
    process.chdir(cwd);
    code = await main(args);
  } catch (error) {
    captured += `\nuncaught: ${error?.stack ?? String(error)}`;
    code = -1;
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
  process.send({ id, code, output: captured });
});
process.send({ ready: true });
