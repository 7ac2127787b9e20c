/** Looking up a cell or a rating of a checked matrix. */
import { levelRangeText, type MatrixRating, type RiskMatrix } from './matrix.ts';

function checkCell(matrix: RiskMatrix, impact: number, probability: number): void {
  if (!Number.isInteger(impact) || impact < 1 || impact > matrix.impactLevels) {
    throw new RangeError(`impact ${impact} is outside ${levelRangeText(matrix.impactLevels)}`);
  }
  if (!Number.isInteger(probability) || probability < 1 || probability > matrix.probabilityLevels) {
    throw new RangeError(`probability ${probability} is outside ${levelRangeText(matrix.probabilityLevels)}`);
  }
}

/**
 * Index of a cell's rating in `matrix.spec.ratings` (0 = least severe). Throws a RangeError
 * for levels outside the matrix: callers check user input first.
 * @example ratingIndexOf(DEFAULT_MATRIX, 4, 3) // 2 (High)
 */
export function ratingIndexOf(matrix: RiskMatrix, impact: number, probability: number): number {
  checkCell(matrix, impact, probability);
  return matrix.ratingIndex[probability - 1]![impact - 1]!;
}

/**
 * The rating of a cell. Throws a RangeError for levels outside the matrix.
 * @example ratingOf(DEFAULT_MATRIX, 5, 5).name // 'Critical'
 */
export function ratingOf(matrix: RiskMatrix, impact: number, probability: number): MatrixRating {
  return matrix.spec.ratings[ratingIndexOf(matrix, impact, probability)]!;
}

/**
 * How severe a rating is: its index in the ratings (0 = least severe), -1 when the matrix has
 * no such rating. Names match ignoring case and surrounding spaces.
 * @example severityOfRating(DEFAULT_MATRIX, 'high') // 2
 */
export function severityOfRating(matrix: RiskMatrix, name: string): number {
  const key = name.trim().toLowerCase();
  return matrix.spec.ratings.findIndex((rating) => rating.name.toLowerCase() === key);
}
