/**
 * Risk appetite (PRODUCT §8): the most an organisation accepts for a risk, as a score (`10`) or
 * a rating name (`Medium`), per risk (Risks column `Appetite`) or per category (matrix
 * `appetite.categories`, else `appetite.default`). A risk is above appetite when its residual
 * score is higher than an appetite score, or its rating more severe than an appetite rating.
 */
import { cellText } from '../cells/cell-text.ts';
import { numberFromText } from '../cells/number-text.ts';
import type { Appetite, Rated } from '../readers/risk.ts';
import { scoreOf, type RiskMatrix } from './matrix.ts';
import { severityOfRating } from './matrix-lookup.ts';

/** The matrix's appetites, checked: by category name (lower case), and the default. */
export interface MatrixAppetite {
  readonly default?: Appetite;
  readonly categories: ReadonlyMap<string, Appetite>;
}

/** The JSON form: `{ "default": 12, "categories": { "Finance": 8, "Reputation": "Medium" } }`. */
export interface AppetiteSpec {
  readonly default?: number | string;
  readonly categories?: Readonly<Record<string, number | string>>;
}

/** What the matrix's ratings and scores allow an appetite to be. */
export interface AppetiteScale {
  readonly ratings: readonly { readonly name: string }[];
  /** The highest score of the matrix; 0 for a ratings-only matrix, where only a rating will do. */
  readonly maxScore: number;
}

export function appetiteScaleOf(matrix: RiskMatrix): AppetiteScale {
  return { ratings: matrix.spec.ratings, maxScore: scoreOf(matrix.impactLevels, matrix.probabilityLevels) };
}

/**
 * A cell or JSON value read as an appetite: a score within the matrix's scores, or one of its
 * rating names (any case); otherwise the words that say why not.
 * @example appetiteFrom(10, scale) // { kind: 'score', score: 10 }
 * @example appetiteFrom('medium', scale) // { kind: 'rating', rating: 'Medium', severity: 1 }
 * @example appetiteFrom('abc', scale) // 'appetite "abc" is neither a score (1-25) nor one of the ratings (Low, Medium, High, Critical)'
 */
export function appetiteFrom(value: unknown, scale: AppetiteScale, what = 'appetite'): Appetite | string {
  const text = cellText(value);
  const number = typeof value === 'number' ? value : numberFromText(text);
  if (number !== undefined && Number.isFinite(number) && scale.maxScore > 0) {
    if (number >= 1 && number <= scale.maxScore) return { kind: 'score', score: number };
    return `${what} ${number} is outside the scores 1-${scale.maxScore}`;
  }
  const severity = severityOfRating({ spec: { ratings: scale.ratings } } as RiskMatrix, text);
  if (severity >= 0) return { kind: 'rating', rating: scale.ratings[severity]!.name, severity };
  const shown = typeof value === 'string' ? `"${text}"` : text;
  const ratings = scale.ratings.map((rating) => rating.name).join(', ');
  return scale.maxScore > 0
    ? `${what} ${shown} is neither a score (1-${scale.maxScore}) nor one of the ratings (${ratings})`
    : `${what} ${shown} is not one of the ratings (${ratings})`;
}

/**
 * The appetite that applies to a risk: its own, else its category's, else the matrix's default.
 * @example appetiteForRisk({ category: 'Finance' }, matrix) // matrix.appetite.categories.get('finance')
 */
export function appetiteForRisk(
  risk: { readonly appetite?: Appetite; readonly category?: string },
  matrix: RiskMatrix,
): Appetite | undefined {
  if (risk.appetite) return risk.appetite;
  const byCategory = risk.category
    ? matrix.appetite?.categories.get(risk.category.trim().toLowerCase())
    : undefined;
  return byCategory ?? matrix.appetite?.default;
}

/**
 * Whether a residual assessment is above an appetite; undefined when they cannot be compared
 * (a rating alone against an appetite score).
 * @example isAboveAppetite({ impact: 4, probability: 3, severity: 2 }, { kind: 'score', score: 10 }) // true
 */
export function isAboveAppetite(residual: Rated, appetite: Appetite): boolean | undefined {
  if (appetite.kind === 'rating') return residual.severity > appetite.severity;
  if (residual.impact === undefined || residual.probability === undefined) return undefined;
  return scoreOf(residual.impact, residual.probability) > appetite.score;
}

/** An appetite as the JSON and the register show it: the score, or the rating's name. */
export function appetiteValue(appetite: Appetite): number | string {
  return appetite.kind === 'score' ? appetite.score : appetite.rating;
}
