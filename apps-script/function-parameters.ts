// Which custom functions follow the matrix, and the extra Scoring argument they take in Sheets.
import type { RiskFunctionName } from '../core/index.ts';

/**
 * The functions whose result depends on the matrix: they take the Scoring range as an optional
 * last argument, because Sheets recalculates a custom function only when its arguments change.
 */
export const MATRIX_FUNCTIONS: ReadonlySet<RiskFunctionName> = new Set(['RISKSCORE', 'RISKRATING']);

export const SCORING_PARAMETER = {
  name: 'scoring',
  description:
    'Optional: the Scoring sheet from A1 (e.g. Scoring!$A$1:$K$31), so results follow edits of the matrix. Without it the Scoring sheet is read when the function runs.',
} as const;
