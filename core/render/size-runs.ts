// Column widths and row heights as runs of equal sizes, so a renderer sets each run in one call.

export interface SizeRun {
  /** The first column or row of the run (in the numbering the sizes use). */
  readonly start: number;
  readonly count: number;
  readonly size: number;
}

/**
 * Consecutive indexes of equal size as one run each, in index order.
 * @example sizeRuns([[0, 10], [1, 10], [3, 10]]) // [{ start: 0, count: 2, size: 10 }, { start: 3, count: 1, size: 10 }]
 */
export function sizeRuns(sizes: readonly (readonly [index: number, size: number])[]): SizeRun[] {
  const out: { start: number; count: number; size: number }[] = [];
  for (const [index, size] of [...sizes].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && last.start + last.count === index && last.size === size) last.count++;
    else out.push({ start: index, count: 1, size });
  }
  return out;
}
