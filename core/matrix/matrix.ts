/**
 * The risk matrix as data (PRODUCT §3). `MatrixSpec` is the JSON form users write;
 * `RiskMatrix` is the checked form every calculation uses.
 */
import type { AppetiteSpec, MatrixAppetite } from './appetite.ts';

export interface MatrixLevel {
  readonly value: number;
  readonly label: string;
  readonly description: string;
  /** Impact levels: the descriptor per impact category (Service, Finance, …), in display order. */
  readonly categories?: Readonly<Record<string, string>>;
  /** Probability levels: e.g. `80% or more`. */
  readonly chance?: string;
  /** Probability levels: relative frequency, e.g. `More than once a year`. */
  readonly frequency?: string;
}

export interface MatrixRating {
  readonly name: string;
  /** Fill colour, `#RRGGBB`. */
  readonly colour: string;
  /** Text colour on that fill, `#RRGGBB`; derived from the fill's lightness when absent. */
  readonly fontColour?: string;
}

export interface MatrixBand {
  readonly rating: string;
  readonly min: number;
  readonly max: number;
}

export interface MatrixSpec {
  readonly name: string;
  /** Empty, with `probability`, in a ratings-only matrix (R/A/G; PRODUCT §8); the JSON form may then leave both out. */
  readonly impact: readonly MatrixLevel[];
  readonly probability: readonly MatrixLevel[];
  /** Least to most severe. */
  readonly ratings: readonly MatrixRating[];
  readonly bands?: readonly MatrixBand[];
  /** `grid[probability - 1][impact - 1]` names the rating; wins over bands. */
  readonly grid?: readonly (readonly string[])[];
  /** Risk appetite by category and by default (PRODUCT §8). */
  readonly appetite?: AppetiteSpec;
}

/**
 * True for a matrix with ratings only: its assessments give a rating alone, it has no scores.
 * @example isRatingsOnlyMatrix(DEFAULT_MATRIX) // false
 */
export function isRatingsOnlyMatrix(matrix: RiskMatrix): boolean {
  return matrix.impactLevels === 0;
}

/** A checked matrix: every cell of the grid resolved to a rating once, up front. */
export interface RiskMatrix {
  readonly spec: MatrixSpec;
  /** Impact levels run 1..impactLevels. */
  readonly impactLevels: number;
  /** Probability levels run 1..probabilityLevels. */
  readonly probabilityLevels: number;
  /** `ratingIndex[probability - 1][impact - 1]` is an index into `spec.ratings` (0 = least severe). */
  readonly ratingIndex: readonly (readonly number[])[];
  /** The spec's appetite, checked; absent when the spec gives none. */
  readonly appetite?: MatrixAppetite;
}

/** One thing wrong with a matrix, with where it sits in the JSON form (e.g. `['bands', 1, 'min']`). */
export interface MatrixFault {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

export type MatrixCheck =
  { readonly ok: true; readonly matrix: RiskMatrix } | { readonly ok: false; readonly errors: string[] };

/** Levels a matrix may have on each axis: fewer is not a matrix, more nobody can tell apart. */
export const MIN_LEVELS = 2;
export const MAX_LEVELS = 10;

/**
 * The score of a cell of the matrix.
 * @example scoreOf(4, 3) // 12
 */
export function scoreOf(impact: number, probability: number): number {
  return impact * probability;
}

/**
 * Text colour for a rating: its own `fontColour`, else black or white by the fill's lightness.
 * @example fontColourFor({ name: 'Critical', colour: '#C00000' }) // '#FFFFFF'
 * @example fontColourFor({ name: 'Low', colour: '#92D050' }) // '#000000'
 */
export function fontColourFor(rating: MatrixRating): string {
  if (rating.fontColour) return rating.fontColour;
  const hex = rating.colour.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  // Perceived lightness (Rec. 709 weights): light fills take black text, dark ones white.
  const lightness = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return lightness > 0.5 ? '#000000' : '#FFFFFF';
}

/**
 * The span of levels as users read it in messages.
 * @example levelRangeText(5) // '1-5'
 * @example levelRangeText(DEFAULT_MATRIX_SPEC.probability) // '1-5'
 */
export function levelRangeText(levels: number | readonly MatrixLevel[]): string {
  return `1-${typeof levels === 'number' ? levels : levels.length}`;
}
