// The matrix the custom functions use: the workbook's Scoring sheet when it has one, cached until it changes.
import { DEFAULT_MATRIX, readScoringSheet, type RiskMatrix, type SheetGrid } from '../core/index.ts';

/** Reads the Scoring sheet (undefined when there is none) and arranges `invalidate` on its changes. */
export type ScoringSource = (invalidate: () => void) => Promise<SheetGrid | undefined>;

export class ScoringSheetError extends Error {}

/**
 * One read per change of the Scoring sheet, not one per calculated cell: Excel calls a custom
 * function once per formula, and a recalculation of 5,000 rows must not read the sheet 5,000 times.
 */
export class WorkbookMatrix {
  private cached: Promise<RiskMatrix> | undefined;
  private generation = 0;

  constructor(private readonly source: ScoringSource) {}

  get(): Promise<RiskMatrix> {
    if (!this.cached) {
      const generation = this.generation;
      const loading = this.load(generation);
      this.cached = loading;
      // A failed read is not cached: the next calculation tries again.
      loading.catch(() => {
        if (this.cached === loading) this.cached = undefined;
      });
    }
    return this.cached;
  }

  invalidate(): void {
    this.generation++;
    this.cached = undefined;
  }

  private async load(generation: number): Promise<RiskMatrix> {
    const grid = await this.source(() => {
      if (generation === this.generation) this.invalidate();
    });
    if (!grid) return DEFAULT_MATRIX;
    const read = readScoringSheet(grid);
    if (read.matrix) return read.matrix;
    // A broken Scoring sheet must not quietly score with another matrix.
    const first = read.issues.find((issue) => issue.severity === 'error') ?? read.issues[0];
    throw new ScoringSheetError(
      first ? `${first.sheet}!${first.cell}: ${first.message}` : `the ${grid.name} sheet is not a matrix`,
    );
  }
}
