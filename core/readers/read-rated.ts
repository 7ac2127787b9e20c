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
import { isBlankValue, isPresent } from './row-reader.ts';

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

/**
 * The assessment a row gives; `blank` when it gives none, `fault` when an error was reported at
 * the cell. The assessment itself rather than a wrapper: every row reads one to three.
 */
export type RatedReading = Rated | 'blank' | 'fault';

const BLANK = 'blank';
const FAULT = 'fault';

/**
 * Reads one assessment (residual, inherent or target) from each row of a sheet: both levels, or
 * neither with a Rating naming one of the matrix's ratings; a level without the other is an
 * error. Typed Score and Rating that disagree with the levels warn; the levels are used.
 *
 * One per sheet and assessment, holding the current row's four cells (each read once), as
 * RowReader holds its row: an object per row to carry them was a tenth of what reading allocated.
 */
export class RatedReader<K extends string> {
  /** The row being read: only its cells by index and its issues are used, so any sheet's check will do. */
  private check!: RowCheck<string>;
  private impact: CellValue = null;
  private probability: CellValue = null;
  private score: CellValue = null;
  private rating: CellValue = null;
  /**
   * The assessments rows give, one object per impact × probability and per rating given alone,
   * shared by every row that gives it (they are never changed). With inherent and target
   * columns a 120,000-row sheet gave some 360,000 of them, kept to the end with the rows.
   */
  private readonly byLevels: Rated[] = [];
  private readonly byRating: Rated[] = [];

  constructor(
    readonly at: LocatedRated<K>,
    private readonly matrix: RiskMatrix,
    private readonly labels: Readonly<Record<K, string>>,
  ) {}

  read(check: RowCheck<string>): RatedReading {
    const { at, matrix } = this;
    // An optional assessment the sheet has no column of is blank on every row.
    if (at.absent && !at.keys.required) return BLANK;
    const { reader } = check;
    this.check = check;
    this.impact = reader.valueAt(at.impact);
    this.probability = reader.valueAt(at.probability);
    this.score = reader.valueAt(at.score);
    this.rating = reader.valueAt(at.rating);
    const errored = isErrorCell(this.impact) || isErrorCell(this.probability);
    const hasImpact = isPresent(this.impact);
    const hasProbability = isPresent(this.probability);
    if (isRatingsOnlyMatrix(matrix)) return this.ratingsOnlyReading(hasImpact || hasProbability);
    if (!hasImpact && !hasProbability && !errored) {
      if (isPresent(this.rating)) return this.ratingAlone();
      if (!at.keys.required) return this.scoreAlone();
    }
    const fallback = at.impact ?? at.probability ?? at.rating ?? 0;
    const impact = this.readLevel('impact', matrix.impactLevels, fallback);
    const probability = this.readLevel('probability', matrix.probabilityLevels, fallback);
    if (impact === undefined || probability === undefined) return FAULT;
    this.checkDerived(impact, probability);
    return this.ratedOf(impact, probability);
  }

  /** The shared assessment of two levels the matrix has (readLevel let through only those). */
  private ratedOf(impact: number, probability: number): Rated {
    const { matrix } = this;
    const slot = (impact - 1) * matrix.probabilityLevels + (probability - 1);
    return (this.byLevels[slot] ??= Object.freeze({
      impact,
      probability,
      severity: ratingIndexOf(matrix, impact, probability),
    }));
  }

  /** Against a ratings-only matrix (R/A/G) a row gives a rating; levels have nothing to be read against. */
  private ratingsOnlyReading(hasLevels: boolean): RatedReading {
    const { check, at, matrix, labels } = this;
    const { keys } = at;
    const names = matrix.spec.ratings.map((r) => r.name).join(', ');
    if (hasLevels) {
      const level = isBlankValue(this.impact) ? 'probability' : 'impact';
      check.error(
        at[level]!,
        `${labels[keys[level]]} ${quotedCellText(this[level])}: the matrix "${matrix.spec.name}" has ratings only (${names}), so give a ${labels[keys.rating]}`,
      );
      return FAULT;
    }
    if (isPresent(this.rating)) return this.ratingAlone();
    if (!keys.required || isErrorCell(this.rating)) return BLANK;
    check.error(
      at.rating ?? at.impact ?? 0,
      `${labels[keys.rating]} is missing: the matrix "${matrix.spec.name}" has ratings only (${names})`,
    );
    return FAULT;
  }

  /** A typed Score with no levels says nothing the register can rate: an error, never silently dropped. */
  private scoreAlone(): RatedReading {
    if (!isPresent(this.score)) return BLANK;
    const { at, labels } = this;
    const { keys } = at;
    this.check.error(
      at.score!,
      `${labels[keys.score]} ${quotedCellText(this.score)} needs its ${labels[keys.impact]} and ${labels[keys.probability]}, or a ${labels[keys.rating]}`,
    );
    return FAULT;
  }

  /** A Rating with blank levels: a ratings-only assessment, rated by the matrix's rating of that name. */
  private ratingAlone(): RatedReading {
    const { at, matrix, labels } = this;
    const severity = severityOfRating(matrix, cellText(this.rating));
    if (severity < 0) {
      this.check.error(
        at.rating!,
        `${labels[at.keys.rating]} ${quotedCellText(this.rating)} is not one of the ratings (${matrix.spec.ratings.map((r) => r.name).join(', ')})`,
      );
      return FAULT;
    }
    this.scoreAlone();
    return (this.byRating[severity] ??= Object.freeze({ severity }));
  }

  /** A level of the row; undefined when its cell is an error cell (reported with the row's error cells) or not a level (reported here). */
  private readLevel(level: 'impact' | 'probability', levels: number, fallback: number): number | undefined {
    const value = this[level];
    // A level as most rows give it, known without building a reading.
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= levels) return value;
    if (isErrorCell(value)) return undefined;
    const label = this.labels[this.at.keys[level]];
    const reading = readLevel(value, label, levels, quotedCellText);
    if (reading.kind === 'number') return reading.value;
    // A level column the sheet lacks is "missing" at the other level's cell.
    this.check.error(
      this.at[level] ?? fallback,
      reading.kind === 'blank' ? `${label} is missing` : reading.message,
    );
    return undefined;
  }

  /** Score and Rating, where typed, should be what the levels give; the computed ones are used either way. */
  private checkDerived(impact: number, probability: number): void {
    const { check, at, matrix, labels } = this;
    const { keys } = at;
    if (isPresent(this.score) && numberOf(this.score) !== scoreOf(impact, probability))
      check.warning(
        at.score!,
        `${labels[keys.score]} ${quotedCellText(this.score)} does not match ${productText(keys, labels, impact, probability)}`,
      );
    if (!isPresent(this.rating)) return;
    const rating = matrix.spec.ratings[ratingIndexOf(matrix, impact, probability)]!.name;
    const typed = cellText(this.rating);
    // Most typed ratings are written as the matrix writes them: compared in lower case only when not.
    if (typed !== rating && typed.toLowerCase() !== rating.toLowerCase()) {
      check.warning(
        at.rating!,
        `${labels[keys.rating]} ${quotedCellText(this.rating)} does not match ${productText(keys, labels, impact, probability)} (${rating})`,
      );
    }
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
