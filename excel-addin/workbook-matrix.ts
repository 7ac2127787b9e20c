// The matrix the custom functions use: the workbook's Scoring sheet when it has one, cached until it changes.
import {
  SCORING_SHEET_NAME,
  brokenScoringText,
  matrixFromWorkbook,
  type RiskMatrix,
  type WorkbookPort,
} from '../core/index.ts';

export class ScoringSheetError extends Error {}

/**
 * One read per change of the Scoring sheet, not one per calculated cell: Excel calls a custom
 * function once per formula, and recalculating 5,000 rows must not read the sheet 5,000 times.
 * on-changed.ts calls `invalidate` when Scoring is edited or a sheet is added or deleted.
 */
export class WorkbookMatrix {
  private cached: Promise<RiskMatrix> | undefined;

  constructor(private readonly port: Pick<WorkbookPort, 'read'>) {}

  get(): Promise<RiskMatrix> {
    if (!this.cached) {
      const loading = this.load();
      this.cached = loading;
      // A failed read is not kept: the next calculation tries again.
      loading.catch(() => {
        if (this.cached === loading) this.cached = undefined;
      });
    }
    return this.cached;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  private async load(): Promise<RiskMatrix> {
    const [scoring] = await this.port.read([{ sheet: SCORING_SHEET_NAME }]);
    const { matrix, issues } = matrixFromWorkbook(scoring);
    // A broken Scoring sheet must not quietly score with the default matrix.
    const broken = brokenScoringText(issues);
    if (broken !== undefined) throw new ScoringSheetError(broken);
    return matrix;
  }
}
