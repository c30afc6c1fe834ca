export function runs<T>(count: number, measure: () => T): T[] {
  return Array.from({ length: count }, measure);
}

export async function runsAsync(count: number, measure: () => Promise<number>): Promise<number[]> {
  const results: number[] = [];
  for (let i = 0; i < count; i++) results.push(await measure());
  return results;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** One line per figure, medians rounded, so the closing note can quote them. */
export function printResult(name: string, figures: Record<string, number | string>): void {
  console.log(`\n${name}`);
  for (const [label, value] of Object.entries(figures)) {
    console.log(`  ${label}: ${typeof value === "number" ? (Number.isInteger(value) ? value : value.toFixed(1)) : value}`);
  }
}
