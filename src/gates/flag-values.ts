import type { ChartSource } from "../sources/helm.js";

/** A flag's values as a list: a repeatable flag parses to an array, a single one to a string. */
export function flagList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];
}

/** `--chart DIR... [--values F...] [--release R] [--namespace NS]` as chart sources; every chart takes the same values. */
export function chartsFromFlags(flags: Record<string, unknown>): ChartSource[] {
  const values = flagList(flags.values);
  return flagList(flags.chart).map((path) => ({
    path,
    ...(values.length ? { values } : {}),
    ...(typeof flags.release === "string" ? { release: flags.release } : {}),
    ...(typeof flags.namespace === "string" ? { namespace: flags.namespace } : {}),
  }));
}
