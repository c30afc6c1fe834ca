/** Offsets at which the lines of `text` start (the first is 0). */
export function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** 0-based index of the line that holds `offset`, by binary search over ascending line starts. */
export function lineIndexOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** 1-based line and column of a string offset; the index of line starts is built once per text. */
export class LineIndex {
  private starts: number[] | undefined;
  constructor(private readonly text: string) {}

  position(offset: number): { line: number; column: number } {
    this.starts ??= lineStartOffsets(this.text);
    const line = lineIndexOf(this.starts, offset);
    return { line: line + 1, column: offset - (this.starts[line] as number) + 1 };
  }
}
