/**
 * The inherent and target assessments and the target date of a row (PRODUCT §8), on Risks (for
 * every quarter) or Assessments (for its quarter), and the checks between them and the residual.
 */
import { quotedCellText } from '../cells/cell-text.ts';
import type { IsoDate } from '../cells/cell.ts';
import { dateFromCell } from '../dates/dates.ts';
import { scoreOf, type RiskMatrix } from '../matrix/matrix.ts';
import type { GroupColumnKey } from './headers.ts';
import type { RatedColumns } from './read-rated.ts';
import { RatedReader, locateRated } from './read-rated.ts';
import type { GroupAssessments, Rated, Risk } from './risk.ts';
import type { RowCheck } from './row-reader.ts';
import { isPresent } from './row-reader.ts';

/** A row of either sheet: both have the group columns. */
type Check<K extends string> = RowCheck<K | GroupColumnKey>;

const INHERENT_COLUMNS: RatedColumns<GroupColumnKey> = {
  impact: 'inherentImpact',
  probability: 'inherentProbability',
  score: 'inherentScore',
  rating: 'inherentRating',
  required: false,
};

const TARGET_COLUMNS: RatedColumns<GroupColumnKey> = {
  impact: 'targetImpact',
  probability: 'targetProbability',
  score: 'targetScore',
  rating: 'targetRating',
  required: false,
};

/** The inherent and target columns and the target date as found on a sheet. */
export interface LocatedGroups {
  readonly inherent: RatedReader<GroupColumnKey>;
  readonly target: RatedReader<GroupColumnKey>;
  readonly targetDate: number | undefined;
  readonly labels: Readonly<Record<GroupColumnKey, string>>;
}

/** Where the sheet's group columns are, found once per sheet; undefined when it has none. */
export function locateGroups(
  columns: ReadonlyMap<string, number>,
  matrix: RiskMatrix,
  labels: Readonly<Record<GroupColumnKey, string>>,
): LocatedGroups | undefined {
  if (!GROUP_KEYS.some((key) => columns.has(key))) return undefined;
  return {
    inherent: new RatedReader(locateRated(columns, INHERENT_COLUMNS), matrix, labels),
    target: new RatedReader(locateRated(columns, TARGET_COLUMNS), matrix, labels),
    targetDate: columns.get('targetDate'),
    labels,
  };
}

/** The row's inherent and target assessments and target date; undefined when one has an error (reported at its cell). */
export function readGroupAssessments<K extends string>(
  check: Check<K>,
  located: LocatedGroups | undefined,
): GroupAssessments | undefined {
  if (!located) return NONE;
  const inherent = located.inherent.read(check);
  const target = located.target.read(check);
  const targetDate = readTargetDate(check, located.targetDate, located.labels);
  if (inherent === 'fault' || target === 'fault' || targetDate === null) return undefined;
  // Set one by one, not spread together: this runs for every row of a sheet with these columns.
  const groups: { -readonly [K in keyof GroupAssessments]: GroupAssessments[K] } = {};
  if (inherent !== 'blank') groups.inherent = inherent;
  if (target !== 'blank') groups.target = target;
  if (targetDate !== undefined) groups.targetDate = targetDate;
  return groups;
}

const NONE: GroupAssessments = {};

const GROUP_KEYS: readonly GroupColumnKey[] = [
  ...Object.values(INHERENT_COLUMNS).filter((v): v is GroupColumnKey => typeof v === 'string'),
  ...Object.values(TARGET_COLUMNS).filter((v): v is GroupColumnKey => typeof v === 'string'),
  'targetDate',
];

/** The target date; `null` when it is not a date (an error at the cell). */
function readTargetDate<K extends string>(
  check: Check<K>,
  column: number | undefined,
  labels: Readonly<Record<GroupColumnKey, string>>,
): IsoDate | undefined | null {
  const value = check.reader.valueAt(column);
  if (!isPresent(value)) return undefined;
  const date = dateFromCell(value);
  if (date !== undefined) return date;
  check.error(column!, `${labels.targetDate} ${quotedCellText(value)} is not a date`);
  return null;
}

/**
 * An Assessments row's inherent or target that differs from the one on Risks warns at the row's
 * cell: the quarter's own assessment is used for its quarter (PRODUCT §8: Assessments wins).
 */
export function checkAgainstRisk<K extends string>(
  check: Check<K>,
  risk: Risk,
  groups: GroupAssessments,
  context: { readonly risksSheet: string; readonly matrix: RiskMatrix },
): void {
  const { risksSheet, matrix } = context;
  // Two plain calls, not a loop over a list of pairs: this runs for every assessment row.
  const differs = (group: 'inherent' | 'target', columns: RatedColumns<GroupColumnKey>) => {
    const own = groups[group];
    const onRisks = risk[group];
    if (!own || !onRisks || sameRated(own, onRisks)) return;
    check.warning(
      columnOf(check, own, columns) ?? 0,
      `${group} ${ratedText(own, matrix)} differs from the ${risksSheet} sheet's ${ratedText(onRisks, matrix)} for ${risk.id}; this quarter's is used`,
    );
  };
  if (groups.inherent && risk.inherent) differs('inherent', INHERENT_COLUMNS);
  if (groups.target && risk.target) differs('target', TARGET_COLUMNS);
  const { targetDate } = groups;
  if (targetDate !== undefined && risk.targetDate !== undefined && targetDate !== risk.targetDate)
    check.warning(
      check.reader.column('targetDate') ?? 0,
      `target date ${targetDate} differs from the ${risksSheet} sheet's ${risk.targetDate} for ${risk.id}; this quarter's is used`,
    );
}

/**
 * A residual above the inherent, or a target above the residual, warns: scores compared where
 * both have one, else ratings by severity (PRODUCT §8).
 */
export function checkGroupOrder<K extends string>(
  check: Check<K>,
  residual: Rated,
  { inherent, target }: { inherent?: Rated | undefined; target?: Rated | undefined },
  matrix: RiskMatrix,
): void {
  const residualColumn =
    residual.impact !== undefined ? check.reader.column('impact' as K) : check.reader.column('rating' as K);
  if (inherent && compareRated(residual, inherent) > 0)
    check.warning(
      residualColumn ?? 0,
      `residual ${ratedText(residual, matrix)} is above the inherent ${ratedText(inherent, matrix)}`,
    );
  if (target && compareRated(target, residual) > 0) {
    const targetColumn = columnOf(check, target, TARGET_COLUMNS);
    check.warning(
      targetColumn ?? residualColumn ?? 0,
      `target ${ratedText(target, matrix)} is above the residual ${ratedText(residual, matrix)}`,
    );
  }
}

/**
 * Which of two assessments is worse: by score when both have levels, else by rating.
 * @example compareRated({ impact: 4, probability: 4, severity: 2 }, { impact: 3, probability: 4, severity: 2 }) // > 0
 */
export function compareRated(a: Rated, b: Rated): number {
  const scoreA = scoreOfRated(a);
  const scoreB = scoreOfRated(b);
  return scoreA !== undefined && scoreB !== undefined ? scoreA - scoreB : a.severity - b.severity;
}

/** The score of an assessment with levels; undefined for a rating alone. */
export function scoreOfRated(rated: Rated): number | undefined {
  return rated.impact !== undefined && rated.probability !== undefined
    ? scoreOf(rated.impact, rated.probability)
    : undefined;
}

function sameRated(a: Rated, b: Rated): boolean {
  return a.impact === b.impact && a.probability === b.probability && a.severity === b.severity;
}

/** @example ratedText({ impact: 4, probability: 3, severity: 2 }, DEFAULT_MATRIX) // 'score 12 (4 × 3)' */
function ratedText(rated: Rated, matrix: RiskMatrix): string {
  const score = scoreOfRated(rated);
  return score !== undefined
    ? `score ${score} (${rated.impact} × ${rated.probability})`
    : `rating ${matrix.spec.ratings[rated.severity]?.name ?? ''}`;
}

function columnOf<K extends string>(
  check: Check<K>,
  rated: Rated,
  columns: RatedColumns<GroupColumnKey>,
): number | undefined {
  const { reader } = check;
  const own = rated.impact !== undefined ? reader.column(columns.impact) : reader.column(columns.rating);
  return own ?? reader.column(columns.impact) ?? reader.column(columns.rating);
}
