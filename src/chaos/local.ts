/**
 * Faults on the local stack (scripts/stack.sh): processes found by their pid files, stopped (SIGTERM),
 * paused (SIGSTOP) or killed (SIGKILL) and brought back, and the services' fault switches (the reference
 * app's authenticated /admin/faults, setting FAIL_MODE/SLOW_MODE at run time).
 */
import { existsSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { CollectorError, ConfigurationError } from "../engine/errors.js";
import { resolveInside } from "../sources/files.js";
import { runProcess } from "../sources/tools.js";
import type { ChaosConfig, Experiment, FaultSwitch, LocalProcess } from "./experiments.js";
import type { Touched } from "./result.js";
import type { UndoLedger } from "./undo.js";

export interface Injected {
  detail: string;
  touched: Touched[];
  /** For a fault its target recovers from by itself (a killed process restarted): seconds from the fault until it was back, or null. */
  recovered?: Promise<number | null>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // A zombie waiting for its parent counts as gone.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true;
  }
}

function readPid(config: ChaosConfig, name: string, process_: LocalProcess): number {
  const file = resolveInside(config.workspace, process_.pidFile, "pid file");
  if (!existsSync(file)) throw new CollectorError(`process ${name}: pid file ${process_.pidFile} does not exist; is the stack running (bash scripts/stack.sh start)?`);
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]?.trim());
  if (!Number.isInteger(pid) || pid <= 1) throw new CollectorError(`process ${name}: pid file ${process_.pidFile} holds no pid`);
  if (!alive(pid)) throw new CollectorError(`process ${name} (pid ${pid} from ${process_.pidFile}) is not running; start the stack first`);
  return pid;
}

async function waitGone(pid: number, seconds: number): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await sleep(100);
  }
  return !alive(pid);
}

/** Polls a URL until it answers 2xx; resolves with the seconds it took, or null at the deadline. */
export async function waitHealthy(url: string, timeoutSeconds: number): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < timeoutSeconds * 1000) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.ok) return (Date.now() - started) / 1000;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  return null;
}

async function restart(config: ChaosConfig, name: string, process_: LocalProcess): Promise<string> {
  if (!process_.restart) return `no restart command for ${name}`;
  const [file, ...args] = process_.restart as [string, ...string[]];
  const run = await runProcess(file, args, { cwd: config.workspace.base, timeoutMs: 180_000 });
  if (run.exitCode !== 0) throw new CollectorError(`restarting ${name} with \`${process_.restart.join(" ")}\` exited ${run.exitCode}: ${(run.stderr || run.stdout).trim().split("\n").slice(-3).join(" ")}`);
  if (process_.ready) {
    const took = await waitHealthy(process_.ready, config.recovery.timeoutSeconds);
    if (took === null) throw new CollectorError(`${name} restarted but ${process_.ready} did not answer 2xx within ${config.recovery.timeoutSeconds}s`);
  }
  return `restarted with \`${process_.restart.join(" ")}\``;
}

function token(config: ChaosConfig, name: string, fault: FaultSwitch): string | undefined {
  if (fault.tokenEnv) {
    const value = process.env[fault.tokenEnv];
    if (!value) throw new ConfigurationError(`fault switch ${name}: ${fault.tokenEnv} is not set`);
    return value;
  }
  if (fault.tokenFile) {
    const file = resolveInside(config.workspace, fault.tokenFile, "token file");
    if (!existsSync(file)) throw new ConfigurationError(`fault switch ${name}: token file ${fault.tokenFile} does not exist`);
    return readFileSync(file, "utf8").trim();
  }
  return undefined;
}

async function callSwitch(name: string, url: string, secret: string | undefined, method: "PUT" | "DELETE", body?: Record<string, string>): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { ...(secret ? { authorization: `Bearer ${secret}` } : {}), ...(body ? { "content-type": "application/json" } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(5000),
    });
  } catch (error) {
    throw new CollectorError(`fault switch ${name}: cannot reach ${url}: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`);
  }
  const text = await response.text();
  if (!response.ok) throw new CollectorError(`fault switch ${name}: ${method} ${url} answered ${response.status}${response.status === 401 ? " (wrong admin token)" : ""}: ${text.slice(0, 200)}`);
}

/** The processes and switches a local fault touches; refused when one is outside blastRadius.processes. */
export function planLocal(config: ChaosConfig, experiment: Experiment): Touched[] {
  const { fault } = experiment;
  const name = (fault.process ?? fault.switch) as string;
  if (!config.blastRadius.processes.includes(name)) {
    throw new ConfigurationError(
      `experiment ${experiment.name} would touch ${name}, which is not in blastRadius.processes (${config.blastRadius.processes.join(", ") || "empty"}); add it there to allow it`,
      experiment.locate(["fault"]),
    );
  }
  const action: Record<string, string> = {
    "stop-process": `${(fault.process && config.local.processes[fault.process]?.stopSignal) || "SIGTERM"}, restarted at the end`,
    "pause-process": "SIGSTOP, SIGCONT at the end",
    "kill-process": "SIGKILL, restarted at the end",
    "fault-switch": `${[fault.failMode ? `FAIL_MODE=${fault.failMode}` : "", fault.slowMode ? `SLOW_MODE=${fault.slowMode}` : ""].filter(Boolean).join(" ")}, cleared at the end`,
  };
  return [{ kind: fault.kind === "fault-switch" ? "FaultSwitch" : "Process", name, action: action[fault.kind] ?? fault.kind }];
}

export async function injectLocal(config: ChaosConfig, experiment: Experiment, ledger: UndoLedger): Promise<Injected> {
  const touched = planLocal(config, experiment);
  const { fault } = experiment;
  if (fault.kind === "fault-switch") {
    const name = fault.switch as string;
    const switch_ = config.local.switches[name] as FaultSwitch;
    const secret = token(config, name, switch_);
    const body = { ...(fault.failMode ? { failMode: fault.failMode } : {}), ...(fault.slowMode ? { slowMode: fault.slowMode } : {}) };
    await callSwitch(name, switch_.url, secret, "PUT", body);
    ledger.push(`clear the faults of ${name} (DELETE ${switch_.url})`, async () => callSwitch(name, switch_.url, secret, "DELETE"));
    return { detail: `${name}: ${Object.entries(body).map(([key, value]) => `${key}=${value}`).join(", ")}`, touched };
  }
  const name = fault.process as string;
  const process_ = config.local.processes[name] as LocalProcess;
  const pid = readPid(config, name, process_);
  if (fault.kind === "pause-process") {
    process.kill(pid, "SIGSTOP");
    ledger.push(`SIGCONT ${name} (pid ${pid})`, async () => {
      process.kill(pid, "SIGCONT");
    });
    return { detail: `${name} (pid ${pid}) paused with SIGSTOP`, touched };
  }
  if (fault.kind === "stop-process") {
    const signal = process_.stopSignal ?? "SIGTERM";
    process.kill(pid, signal);
    ledger.push(`start ${name} again`, () => restart(config, name, process_));
    if (!(await waitGone(pid, 30))) throw new CollectorError(`${name} (pid ${pid}) still runs 30 s after ${signal}`);
    return { detail: `${name} (pid ${pid}) stopped with ${signal}`, touched };
  }
  // kill-process: a lost replica, which its supervisor (the stack, like a ReplicaSet) starts again at once.
  const killedAt = Date.now();
  process.kill(pid, "SIGKILL");
  if (!(await waitGone(pid, 30))) throw new CollectorError(`${name} (pid ${pid}) still runs 30 s after SIGKILL`);
  const back = restart(config, name, process_).then((detail) => ({ detail, seconds: (Date.now() - killedAt) / 1000 }));
  back.catch(() => {});
  ledger.push(`wait for ${name} to be started again`, async () => {
    const { detail, seconds } = await back;
    return `${detail}, back after ${seconds}s`;
  });
  return {
    detail: `${name} (pid ${pid}) killed with SIGKILL and started again by its restart command`,
    touched,
    recovered: back.then(
      ({ seconds }) => seconds,
      () => null,
    ),
  };
}
