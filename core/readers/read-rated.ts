/**
 * Reading one assessment from a row — residual, inherent or target: impact and probability
 * (with Score and Rating, where typed, checked against them), or a Rating alone (PRODUCT §8).
 */
import type { CellValue } from '../cells/cell.ts';
import { isErrorCell } from '../cells/cell.ts';
import { cellText, quotedCellText } from '../cells/cell-text.ts';
import { numberFromText } from '../cells/number-text.ts';
import { isRatingsOnlyMatrix, scoreOf, type RiskMatrix } from '../matrix/matrix.ts';
import { ratingIndexOf, severityOfRating } from '../matrix/matrix-lookup.ts';
import { readLevel } from '../matrix/read-level.ts';
import type { Rated } from './risk.ts';
import type { RowCheck } from './row-reader.ts';
import { isBlankValue } from './row-reader.ts';

/** The columns of one assessment on a sheet. */
export interface RatedColumns<K extends string> {
  readonly impact: K;
  readonly probability: K;
  readonly score: K;
  readonly rating: K;
  /** Blank levels are an error (the residual assessment), not an absent assessment. */
  readonly required: boolean;
}

/**
 * One assessment's columns as found on a sheet: the keys name them in messages, the indexes read
 * them. Located once per sheet, each cell read once per row: looking a column up by key for every
 * check of every cell was a fifth of the time reading a sheet with the optional columns took.
 */
export interface LocatedRated<K extends string> {
  readonly keys: RatedColumns<K>;
  readonly impact: number | undefined;
  readonly probability: number | undefined;
  readonly score: number | undefined;
  readonly rating: number | undefined;
  /** The sheet has none of its columns. */
  readonly absent: boolean;
}

export function locateRated<K extends string>(
  columns: ReadonlyMap<string, number>,
  keys: RatedColumns<K>,
): LocatedRated<K> {
  const at = {
    impact: columns.get(keys.impact),
    probability: columns.get(keys.probability),
    score: columns.get(keys.score),
    rating: columns.get(keys.rating),
  };
  return { keys, ...at, absent: Object.values(at).every((column) => column === undefined) };
}

export type RatedReading =
  | { readonly kind: 'blank' }
  | { readonly kind: 'rated'; readonly rated: Rated }
  /** An error was reported at the cell. */
  | { readonly kind: 'fault' };

const BLANK: RatedReading = { kind: 'blank' };
const FAULT: RatedReading = { kind: 'fault' };

/** What every part of reading one assessment needs: the row, and its four cells, each read once. */
interface RatedRow<K extends string> {
  readonly check: RowCheck<K>;
  readonly at: LocatedRated<K>;
  readonly matrix: RiskMatrix;
  readonly labels: Readonly<Record<K, string>>;
  readonly impact: CellValue;
  readonly probability: CellValue;
  readonly score: CellValue;
  readonly rating: CellValue;
}

/**
 * One assessment of a row: both levels, or neither with a Rating naming one of the matrix's
 * ratings; a level without the other is an error. Typed Score and Rating that disagree with the
 * levels warn; the levels are used.
 */
export function readRated<K extends string>(
  check: RowCheck<K>,
  at: LocatedRated<K>,
  matrix: RiskMatrix,
  labels: Readonly<Record<K, string>>,
): RatedReading {
  // An optional assessment the sheet has no column of is blank on every row.
  if (at.absent && !at.keys.required) return BLANK;
  const { reader } = check;
  const row: RatedRow<K> = {
    check,
    at,
    matrix,
    labels,
    impact: reader.valueAt(at.impact),
    probability: reader.valueAt(at.probability),
    score: reader.valueAt(at.score),
    rating: reader.valueAt(at.rating),
  };
  const errored = isErrorCell(row.impact) || isErrorCell(row.probability);
  const hasImpact = isPresent(row.impact);
  const hasProbability = isPresent(row.probability);
  if (isRatingsOnlyMatrix(matrix)) return ratingsOnlyReading(row, hasImpact || hasProbability);
  if (!hasImpact && !hasProbability && !errored) {
    if (isPresent(row.rating)) return ratingAlone(row);
    if (!at.keys.required) return scoreAlone(row);
  }
  const fallback = at.impact ?? at.probability ?? at.rating ?? 0;
  const impact = readLevelCell(row, 'impact', matrix.impactLevels, fallback);
  const probability = readLevelCell(row, 'probability', matrix.probabilityLevels, fallback);
  if (impact === undefined || probability === undefined) return FAULT;
  checkDerived(row, impact, probability);
  return {
    kind: 'rated',
    rated: { impact, probability, severity: ratingIndexOf(matrix, impact, probability) },
  };
}

/** Against a ratings-only matrix (R/A/G) a row gives a rating; levels have nothing to be read against. */
function ratingsOnlyReading<K extends string>(row: RatedRow<K>, hasLevels: boolean): RatedReading {
  const { check, at, matrix, labels } = row;
  const { keys } = at;
  const names = matrix.spec.ratings.map((r) => r.name).join(', ');
  if (hasLevels) {
    const level = isBlankValue(row.impact) ? 'probability' : 'impact';
    check.error(
      at[level]!,
      `${labels[keys[level]]} ${quotedCellText(row[level])}: the matrix "${matrix.spec.name}" has ratings only (${names}), so give a ${labels[keys.rating]}`,
    );
    return FAULT;
  }
  if (isPresent(row.rating)) return ratingAlone(row);
  if (!keys.required || isErrorCell(row.rating)) return BLANK;
  check.error(
    at.rating ?? at.impact ?? 0,
    `${labels[keys.rating]} is missing: the matrix "${matrix.spec.name}" has ratings only (${names})`,
  );
  return FAULT;
}

/** A cell with a value that is not an error cell; a column the sheet lacks reads as blank. */
function isPresent(value: CellValue): boolean {
  return !isBlankValue(value) && !isErrorCell(value);
}

/** A typed Score with no levels says nothing the register can rate: an error, never silently dropped. */
function scoreAlone<K extends string>(row: RatedRow<K>): RatedReading {
  const { check, at, labels } = row;
  if (!isPresent(row.score)) return BLANK;
  const { keys } = at;
  check.error(
    at.score!,
    `${labels[keys.score]} ${quotedCellText(row.score)} needs its ${labels[keys.impact]} and ${labels[keys.probability]}, or a ${labels[keys.rating]}`,
  );
  return FAULT;
}

/** A Rating with blank levels: a ratings-only assessment, rated by the matrix's rating of that name. */
function ratingAlone<K extends string>(row: RatedRow<K>): RatedReading {
  const { check, at, matrix, labels } = row;
  const severity = severityOfRating(matrix, cellText(row.rating));
  if (severity < 0) {
    check.error(
      at.rating!,
      `${labels[at.keys.rating]} ${quotedCellText(row.rating)} is not one of the ratings (${matrix.spec.ratings.map((r) => r.name).join(', ')})`,
    );
    return FAULT;
  }
  scoreAlone(row);
  return { kind: 'rated', rated: { severity } };
}

/** A level of the row; undefined when its cell is an error cell (reported with the row's error cells) or not a level (reported here). */
function readLevelCell<K extends string>(
  row: RatedRow<K>,
  level: 'impact' | 'probability',
  levels: number,
  fallback: number,
): number | undefined {
  const { check, at, labels } = row;
  const value = row[level];
  // A level as most rows give it, known without building a reading.
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= levels) return value;
  if (isErrorCell(value)) return undefined;
  const label = labels[at.keys[level]];
  const reading = readLevel(value, label, levels, quotedCellText);
  if (reading.kind === 'number') return reading.value;
  // A level column the sheet lacks is "missing" at the other level's cell.
  check.error(at[level] ?? fallback, reading.kind === 'blank' ? `${label} is missing` : reading.message);
  return undefined;
}

/** Score and Rating, where typed, should be what the levels give; the computed ones are used either way. */
function checkDerived<K extends string>(row: RatedRow<K>, impact: number, probability: number): void {
  const { check, at, matrix, labels } = row;
  const { keys } = at;
  if (isPresent(row.score) && numberOf(row.score) !== scoreOf(impact, probability))
    check.warning(
      at.score!,
      `${labels[keys.score]} ${quotedCellText(row.score)} does not match ${productText(keys, labels, impact, probability)}`,
    );
  if (!isPresent(row.rating)) return;
  const rating = matrix.spec.ratings[ratingIndexOf(matrix, impact, probability)]!.name;
  const typed = cellText(row.rating);
  // Most typed ratings are written as the matrix writes them: compared in lower case only when not.
  if (typed !== rating && typed.toLowerCase() !== rating.toLowerCase()) {
    check.warning(
      at.rating!,
      `${labels[keys.rating]} ${quotedCellText(row.rating)} does not match ${productText(keys, labels, impact, probability)} (${rating})`,
    );
  }
}

/** @example 'Impact 4 × Probability 3 = 12' (made only for a warning: the check runs on every row) */
function productText<K extends string>(
  columns: RatedColumns<K>,
  labels: Readonly<Record<K, string>>,
  impact: number,
  probability: number,
): string {
  return `${labels[columns.impact]} ${impact} × ${labels[columns.probability]} ${probability} = ${scoreOf(impact, probability)}`;
}

/** A number as typed, or as text that is only a number ("4"); undefined for anything else. */
function numberOf(value: CellValue): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return typeof value === 'string' ? numberFromText(value) : undefined;
}
