/**
 * Reading one assessment from a row — residual, inherent or target: impact and probability
 * (with Score and Rating, where typed, checked against them), or a Rating alone (PRODUCT §8).
 */
import type { CellValue } from '../cells/cell.ts';
import { quotedCellText } from '../cells/cell-text.ts';
import { numberFromText } from '../cells/number-text.ts';
import { isRatingsOnlyMatrix, scoreOf, type RiskMatrix } from '../matrix/matrix.ts';
import { ratingIndexOf, severityOfRating } from '../matrix/matrix-lookup.ts';
import { readLevel } from '../matrix/read-level.ts';
import type { Rated } from './risk.ts';
import type { RowCheck } from './row-reader.ts';

/** The columns of one assessment on a sheet. */
export interface RatedColumns<K extends string> {
  readonly impact: K;
  readonly probability: K;
  readonly score: K;
  readonly rating: K;
  /** Blank levels are an error (the residual assessment), not an absent assessment. */
  readonly required: boolean;
}

export type RatedReading =
  | { readonly kind: 'blank' }
  | { readonly kind: 'rated'; readonly rated: Rated }
  /** An error was reported at the cell. */
  | { readonly kind: 'fault' };

const BLANK: RatedReading = { kind: 'blank' };
const FAULT: RatedReading = { kind: 'fault' };

/**
 * One assessment of a row: both levels, or neither with a Rating naming one of the matrix's
 * ratings; a level without the other is an error. Typed Score and Rating that disagree with the
 * levels warn; the levels are used.
 */
export function readRated<K extends string>(
  check: RowCheck<K>,
  columns: RatedColumns<K>,
  matrix: RiskMatrix,
  labels: Readonly<Record<K, string>>,
): RatedReading {
  const { reader } = check;
  const errored = reader.error(columns.impact) || reader.error(columns.probability);
  const hasImpact = isPresent(reader, columns.impact);
  const hasProbability = isPresent(reader, columns.probability);
  if (isRatingsOnlyMatrix(matrix))
    return ratingsOnlyReading(check, columns, matrix, labels, hasImpact || hasProbability);
  if (!hasImpact && !hasProbability && !errored) {
    if (isPresent(reader, columns.rating)) return ratingAlone(check, columns, matrix, labels);
    if (!columns.required) return scoreAlone(check, columns, labels);
  }
  const fallback =
    reader.column(columns.impact) ?? reader.column(columns.probability) ?? reader.column(columns.rating) ?? 0;
  const impact = readLevelColumn(check, columns.impact, matrix.impactLevels, labels, fallback);
  const probability = readLevelColumn(check, columns.probability, matrix.probabilityLevels, labels, fallback);
  if (impact === undefined || probability === undefined) return FAULT;
  checkDerived(check, columns, matrix, labels, { impact, probability });
  return {
    kind: 'rated',
    rated: { impact, probability, severity: ratingIndexOf(matrix, impact, probability) },
  };
}

/** Against a ratings-only matrix (R/A/G) a row gives a rating; levels have nothing to be read against. */
function ratingsOnlyReading<K extends string>(
  check: RowCheck<K>,
  columns: RatedColumns<K>,
  matrix: RiskMatrix,
  labels: Readonly<Record<K, string>>,
  hasLevels: boolean,
): RatedReading {
  const { reader } = check;
  const names = matrix.spec.ratings.map((r) => r.name).join(', ');
  if (hasLevels) {
    const key = reader.blank(columns.impact) ? columns.probability : columns.impact;
    check.error(
      reader.column(key)!,
      `${labels[key]} ${quotedCellText(reader.value(key))}: the matrix "${matrix.spec.name}" has ratings only (${names}), so give a ${labels[columns.rating]}`,
    );
    return FAULT;
  }
  if (isPresent(reader, columns.rating)) return ratingAlone(check, columns, matrix, labels);
  if (!columns.required || reader.error(columns.rating)) return BLANK;
  check.error(
    reader.column(columns.rating) ?? reader.column(columns.impact) ?? 0,
    `${labels[columns.rating]} is missing: the matrix "${matrix.spec.name}" has ratings only (${names})`,
  );
  return FAULT;
}

/** A located column with a value that is not an error cell (a plain function: it runs on every row). */
function isPresent<K extends string>(reader: RowCheck<K>['reader'], key: K): boolean {
  return reader.column(key) !== undefined && !reader.blank(key) && !reader.error(key);
}

/** A typed Score with no levels says nothing the register can rate: an error, never silently dropped. */
function scoreAlone<K extends string>(
  check: RowCheck<K>,
  columns: RatedColumns<K>,
  labels: Readonly<Record<K, string>>,
): RatedReading {
  const { reader } = check;
  if (!isPresent(reader, columns.score)) return BLANK;
  check.error(
    reader.column(columns.score)!,
    `${labels[columns.score]} ${quotedCellText(reader.value(columns.score))} needs its ${labels[columns.impact]} and ${labels[columns.probability]}, or a ${labels[columns.rating]}`,
  );
  return FAULT;
}

/** A Rating with blank levels: a ratings-only assessment, rated by the matrix's rating of that name. */
function ratingAlone<K extends string>(
  check: RowCheck<K>,
  columns: RatedColumns<K>,
  matrix: RiskMatrix,
  labels: Readonly<Record<K, string>>,
): RatedReading {
  const { reader } = check;
  const severity = severityOfRating(matrix, reader.text(columns.rating));
  if (severity < 0) {
    check.error(
      reader.column(columns.rating)!,
      `${labels[columns.rating]} ${quotedCellText(reader.value(columns.rating))} is not one of the ratings (${matrix.spec.ratings.map((r) => r.name).join(', ')})`,
    );
    return FAULT;
  }
  scoreAlone(check, columns, labels);
  return { kind: 'rated', rated: { severity } };
}

function readLevelColumn<K extends string>(
  check: RowCheck<K>,
  key: K,
  levels: number,
  labels: Readonly<Record<K, string>>,
  fallback: number,
): number | undefined {
  const { reader } = check;
  if (reader.error(key)) return undefined;
  const column = reader.column(key);
  const reading = readLevel(reader.value(key), labels[key], levels, quotedCellText);
  if (reading.kind === 'number') return reading.value;
  // A level column the sheet lacks is "missing" at the other level's cell.
  check.error(column ?? fallback, reading.kind === 'blank' ? `${labels[key]} is missing` : reading.message);
  return undefined;
}

/** Score and Rating, where typed, should be what the levels give; the computed ones are used either way. */
function checkDerived<K extends string>(
  check: RowCheck<K>,
  columns: RatedColumns<K>,
  matrix: RiskMatrix,
  labels: Readonly<Record<K, string>>,
  { impact, probability }: { impact: number; probability: number },
): void {
  const { reader } = check;
  if (isPresent(reader, columns.score)) {
    const typed = reader.value(columns.score);
    if (numberOf(typed) !== scoreOf(impact, probability))
      check.warning(
        reader.column(columns.score)!,
        `${labels[columns.score]} ${quotedCellText(typed)} does not match ${productText(columns, labels, impact, probability)}`,
      );
  }
  if (!isPresent(reader, columns.rating)) return;
  const rating = matrix.spec.ratings[ratingIndexOf(matrix, impact, probability)]!.name;
  const typed = reader.text(columns.rating);
  // Most typed ratings are written as the matrix writes them: compared in lower case only when not.
  if (typed !== rating && typed.toLowerCase() !== rating.toLowerCase()) {
    check.warning(
      reader.column(columns.rating)!,
      `${labels[columns.rating]} ${quotedCellText(reader.value(columns.rating))} does not match ${productText(columns, labels, impact, probability)} (${rating})`,
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
