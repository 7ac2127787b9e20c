/**
 * The quarterly register as a plain model: which risks are open in the quarter and how they
 * stand, which closed in it, what moved, and where each open risk sits on the heat map.
 * Every host renders this same model, so it is where parity between hosts is decided.
 */
import type { IsoDate } from '../cells/cell.ts';
import { scoreOf, type RiskMatrix } from '../matrix/matrix.ts';
import { appetiteForRisk, isAboveAppetite } from '../matrix/appetite.ts';
import { ratingHistory, type RatingHistory } from './rating-history.ts';
import type { FiscalCalendar, Quarter } from '../quarters/quarter.ts';
import { quarterIndex, quarterWindow } from '../quarters/quarter.ts';
import { isClosedInQuarter, isOpenInQuarter, isTransferredInQuarter } from './open-in-quarter.ts';
import type { Action } from '../readers/action.ts';
import type { RiskColumnKey } from '../readers/headers.ts';
import type { ActionRow, ManagementColumns, RiskManagement, TransferredRow } from './management.ts';
import { QuarterManagement, transferredRow } from './management.ts';
import type { Appetite, Assessment, Rated, Risk } from '../readers/risk.ts';
import type { Trend } from './trend.ts';
import { compareStandings, lastAtOrBefore, trendsOverSorted } from './trend.ts';
import { riskIdKey, riskIdKeyer, sortByRiskId } from '../readers/risk-id.ts';

/** An open risk as the register shows it: the risk as read, and how it stands in the reported quarter. */
export interface RegisterRow extends RiskManagement {
  readonly risk: Risk;
  /** Levels in force in the reported quarter (the latest assessment at or before it); absent for a rating given alone. */
  readonly impact?: number;
  readonly probability?: number;
  readonly score?: number;
  readonly rating: string;
  /** Index into the matrix's ratings, 0 = least severe. */
  readonly severity: number;
  /** Aligned with `RegisterModel.quarters`. */
  readonly trend: readonly Trend[];
  /** Quarter of the assessment in force. */
  readonly assessedIn: Quarter;
  readonly commentary: string;
  /** The rating in force in each quarter of `RegisterModel.quarters`; undefined where none was. */
  readonly ratings: readonly (string | undefined)[];
  /** The quarter's inherent and target (the assessment in force's own, else the Risks sheet's), when given. */
  readonly inherent?: RatedView;
  readonly target?: RatedView;
  readonly targetDate?: IsoDate;
  /** The appetite that applies (the risk's own, else its category's, else the matrix default). */
  readonly appetite?: Appetite;
  /** Undefined when there is no appetite, or a rating alone meets an appetite score. */
  readonly aboveAppetite?: boolean;
}

/** An assessment as the register shows it. */
export interface RatedView {
  readonly impact?: number;
  readonly probability?: number;
  readonly score?: number;
  readonly rating: string;
  readonly severity: number;
}

export interface ClosedRow {
  readonly id: string;
  readonly name: string;
  readonly impactNarrative: string;
  readonly controls: string;
  readonly rationale: string;
  readonly dateClosed: IsoDate;
  readonly closureReported?: IsoDate;
  /** Rating in force when the risk closed, when it had been assessed. */
  readonly lastRating?: string;
}

export interface RatingChange extends RiskRef {
  readonly from: string;
  readonly to: string;
}

export interface RiskRef {
  readonly id: string;
  readonly name: string;
}

export interface NewRisk extends RiskRef {
  readonly rating: string;
}

export interface Movement {
  /** Risks first assessed in the reported quarter. */
  readonly new: readonly NewRisk[];
  readonly escalated: readonly RatingChange[];
  readonly deEscalated: readonly RatingChange[];
  readonly closed: readonly RiskRef[];
  /** Open risks proposed for closure, in register order. */
  readonly proposedForClosure: readonly RiskRef[];
  /** Risks transferred to another register in the quarter, by ID. */
  readonly transferred: readonly RiskRef[];
  /** Open risks overdue for review at the quarter's end (when Risks has review columns). */
  readonly reviewsOverdue: readonly RiskRef[];
  /** Open risks with no open action (when there is an Actions sheet). */
  readonly withoutOpenAction: readonly RiskRef[];
  /** Open risks with an overdue action (when there is an Actions sheet). */
  readonly withOverdueActions: readonly RiskRef[];
  /** Open actions of open risks due before the quarter's end. */
  readonly overdueActions: number;
  /** Open risks above their appetite, in register order; absent when no open risk has an appetite. */
  readonly aboveAppetite?: readonly RiskRef[];
}

export interface RegisterModel {
  readonly quarter: Quarter;
  /** The trend window, oldest first, ending with `quarter`. */
  readonly quarters: readonly Quarter[];
  /** Open risks in register order: most severe rating, then highest score, then ID in natural order. */
  readonly open: readonly RegisterRow[];
  readonly closed: readonly ClosedRow[];
  /** Risks transferred to another register in the quarter, by ID. */
  readonly transferred: readonly TransferredRow[];
  /** Open actions of the open risks, overdue first (empty without an Actions sheet). */
  readonly actions: readonly ActionRow[];
  /** The optional management columns the workbook has data for. */
  readonly management: ManagementColumns;
  readonly movement: Movement;
  /** `heatMap[probability - 1][impact - 1]` lists the IDs of the open risks in that cell, in register order. */
  readonly heatMap: readonly (readonly (readonly string[])[])[];
  /** Open risks rated without levels (PRODUCT §8), in register order: they sit beside the heat map. */
  readonly notScored: readonly string[];
  /** The rating history: the last `historyCount` quarters, ending with `quarter`. */
  readonly history: RatingHistory;
}

export interface RegisterInput {
  readonly risks: readonly Risk[];
  readonly assessments: readonly Assessment[];
  readonly matrix: RiskMatrix;
  readonly calendar: FiscalCalendar;
  readonly quarter: Quarter;
  /** How many quarters of trend to show, ending with `quarter` (4 in the reference). */
  readonly quarterCount: number;
  /** The Actions sheet's actions; absent when the workbook has none. */
  readonly actions?: readonly Action[];
  /** The columns the Risks sheet has (optional ones show only where present). */
  readonly riskColumns?: ReadonlyMap<RiskColumnKey, number>;
  /** How many quarters the History sheet shows, ending with `quarter` (8 when absent). */
  readonly historyCount?: number;
}

/**
 * One risk's assessments sorted by quarter: two aligned arrays rather than a Map and a sort per
 * risk, which at 100,000 risks allocated hundreds of megabytes the register never kept.
 */
export interface History {
  /** Quarter indexes, ascending, each once. */
  readonly indexes: number[];
  /** The assessment of each of `indexes`. */
  readonly assessments: Assessment[];
}

/** The lists of the movement, built risk by risk; the counts are added at the end. */
type MovementLists = Omit<Movement, 'overdueActions'>;
type MutableMovement = { -readonly [K in keyof MovementLists]: NonNullable<MovementLists[K]>[number][] };

/** Rating names and severities of assessments on one matrix. */
interface Rater {
  readonly severityOf: (assessment: Assessment) => number;
  readonly ratingName: (severity: number) => string;
  readonly matrix: RiskMatrix;
}

/** The History sheet's default span (PRODUCT §8). */
export const DEFAULT_HISTORY_COUNT = 8;

/**
 * The register for a quarter: the risks open in it rated by the assessment in force, the risks
 * closed in it, and how ratings moved since the quarter before.
 */
export function buildRegister(input: RegisterInput): RegisterModel {
  const { matrix, calendar, quarter } = input;
  const reportedIndex = quarterIndex(quarter);
  const quarters = quarterWindow(quarter, input.quarterCount);
  // Each risk's history, looked up once: the loop below and the rating history both need it.
  const histories = historiesOf(input.risks, groupByRisk(input.assessments));
  const rater: Rater = {
    severityOf: (a) => a.severity,
    ratingName: (severity) => matrix.spec.ratings[severity]!.name,
    matrix,
  };
  const management = new QuarterManagement(input);
  const open: RegisterRow[] = [];
  const closed: ClosedRow[] = [];
  const transferred: TransferredRow[] = [];
  const movement: MutableMovement = {
    new: [],
    escalated: [],
    deEscalated: [],
    closed: [],
    proposedForClosure: [],
    transferred: [],
    reviewsOverdue: [],
    withoutOpenAction: [],
    withOverdueActions: [],
  };

  // Each open row with the assessment in force the quarter before: the movement lists are noted
  // once the rows are in register order, so they need no sorting of their own.
  const opened: { row: RegisterRow; previous: Assessment | undefined }[] = [];
  for (let i = 0; i < input.risks.length; i++) {
    const risk = input.risks[i]!;
    const history = histories[i];
    const inForce = history && latestAtOrBefore(history, reportedIndex);
    if (isClosedInQuarter(risk, quarter, calendar)) {
      closed.push(closedRow(risk, inForce, rater));
      movement.closed.push({ id: risk.id, name: risk.name });
      continue;
    }
    if (isTransferredInQuarter(risk, quarter, calendar)) {
      transferred.push(transferredRow(risk, inForce && rater.ratingName(rater.severityOf(inForce))));
      movement.transferred.push({ id: risk.id, name: risk.name });
      continue;
    }
    // An open risk with no assessment yet cannot be rated, and checkReassessed warns about it.
    if (!isOpenInQuarter(risk, quarter, calendar) || !history || !inForce) continue;
    const row = openRow(risk, inForce, { history, quarters }, rater, management);
    opened.push({ row, previous: latestAtOrBefore(history, reportedIndex - 1) });
  }
  sortByRiskId(
    opened,
    ({ row }) => row.risk.id,
    (a, b) => bySeverity(a.row, b.row),
  );
  for (const { row, previous } of opened) {
    open.push(row);
    noteMovement(movement, row, previous, rater);
  }
  sortByIds(closed, transferred, movement);
  if (open.some((row) => row.appetite))
    movement.aboveAppetite = open
      .filter((row) => row.aboveAppetite)
      .map((row) => ({ id: row.risk.id, name: row.risk.name }));
  const actions = management.openActions(open.map((row) => row.risk));
  return {
    quarter,
    quarters,
    open,
    closed,
    transferred,
    actions,
    management: management.columns,
    movement: { ...movement, overdueActions: actions.filter((a) => a.overdue).length },
    heatMap: heatMapOf(open, matrix),
    notScored: open.filter((row) => row.score === undefined).map((row) => row.risk.id),
    history: ratingHistory(
      { ...input, historyCount: input.historyCount ?? DEFAULT_HISTORY_COUNT },
      (i) => histories[i],
      (history, index) => latestAtOrBefore(history, index),
    ),
  };
}

function closedRow(
  risk: Risk & { readonly dateClosed: IsoDate },
  inForce: Assessment | undefined,
  rater: Rater,
): ClosedRow {
  return {
    id: risk.id,
    name: risk.name,
    impactNarrative: risk.impactNarrative,
    controls: risk.controls,
    rationale: risk.closureRationale,
    dateClosed: risk.dateClosed,
    ...(risk.closureReported !== undefined ? { closureReported: risk.closureReported } : {}),
    ...(inForce ? { lastRating: rater.ratingName(rater.severityOf(inForce)) } : {}),
  };
}

function openRow(
  risk: Risk,
  inForce: Assessment,
  { history, quarters }: { history: History; quarters: readonly Quarter[] },
  rater: Rater,
  quarterManagement: QuarterManagement,
): RegisterRow {
  // Built by assignment, not spreads: this runs for every open risk of a 10,000-risk register.
  const management = quarterManagement.of(risk, inForce.quarter);
  const row: { -readonly [K in keyof RegisterRow]: RegisterRow[K] } = {
    status: management.status,
    reviewOverdue: management.reviewOverdue,
    actions: management.actions,
    risk,
    rating: rater.ratingName(inForce.severity),
    severity: inForce.severity,
    trend: trendsOverSorted(history.indexes, history.assessments, quarters, compareStandings),
    assessedIn: inForce.quarter,
    commentary: inForce.commentary,
    ratings: quarters.map((q) => {
      const standing = latestAtOrBefore(history, quarterIndex(q));
      return standing ? rater.ratingName(standing.severity) : undefined;
    }),
  };
  if (management.reviewDue !== undefined) row.reviewDue = management.reviewDue;
  if (inForce.impact !== undefined && inForce.probability !== undefined) {
    row.impact = inForce.impact;
    row.probability = inForce.probability;
    row.score = scoreOf(inForce.impact, inForce.probability);
  }
  const inherent = inForce.inherent ?? risk.inherent;
  if (inherent) row.inherent = ratedView(inherent, rater);
  const target = inForce.target ?? risk.target;
  if (target) row.target = ratedView(target, rater);
  const targetDate = inForce.targetDate ?? risk.targetDate;
  if (targetDate !== undefined) row.targetDate = targetDate;
  const appetite = appetiteForRisk(risk, rater.matrix);
  if (appetite) {
    row.appetite = appetite;
    const above = isAboveAppetite(inForce, appetite);
    if (above !== undefined) row.aboveAppetite = above;
  }
  return row;
}

/** An assessment with its score and rating name, as the register shows it. */
function ratedView(rated: Rated, rater: Rater): RatedView {
  const view: { -readonly [K in keyof RatedView]: RatedView[K] } = {
    rating: rater.ratingName(rated.severity),
    severity: rated.severity,
  };
  if (rated.impact !== undefined && rated.probability !== undefined) {
    view.impact = rated.impact;
    view.probability = rated.probability;
    view.score = scoreOf(rated.impact, rated.probability);
  }
  return view;
}

/** New when nothing was in force the quarter before; else escalated or de-escalated when its rating moved. */
function noteMovement(
  movement: MutableMovement,
  row: RegisterRow,
  previous: Assessment | undefined,
  rater: Rater,
): void {
  const ref = { id: row.risk.id, name: row.risk.name };
  if (row.status === 'Proposed for closure') movement.proposedForClosure.push(ref);
  if (row.reviewOverdue) movement.reviewsOverdue.push(ref);
  if (row.actions && row.actions.open === 0) movement.withoutOpenAction.push(ref);
  if (row.actions && row.actions.overdue > 0) movement.withOverdueActions.push(ref);
  if (!previous) {
    movement.new.push({ id: row.risk.id, name: row.risk.name, rating: row.rating });
    return;
  }
  const before = rater.severityOf(previous);
  const change = { id: row.risk.id, name: row.risk.name, from: rater.ratingName(before), to: row.rating };
  if (row.severity > before) movement.escalated.push(change);
  else if (row.severity < before) movement.deEscalated.push(change);
}

/** Closed and transferred risks, and their movement lists, by ID. */
function sortByIds(closed: ClosedRow[], transferred: TransferredRow[], movement: MutableMovement): void {
  sortByRiskId(closed, (row) => row.id);
  sortByRiskId(movement.closed, (change) => change.id);
  sortByRiskId(transferred, (row) => row.id);
  sortByRiskId(movement.transferred, (change) => change.id);
}

/**
 * Register order (PRODUCT §5): most severe rating first, then highest score, then ID naturally
 * (`byId`, e.g. compareRiskIds).
 */
export function registerRowComparator(
  byId: (a: string, b: string) => number,
): (a: RegisterRow, b: RegisterRow) => number {
  return (a, b) => bySeverity(a, b) || byId(a.risk.id, b.risk.id);
}

/** Register order before the ID. A rating given alone sorts after the scored risks of its rating (PRODUCT §8). */
function bySeverity(a: RegisterRow, b: RegisterRow): number {
  return b.severity - a.severity || (b.score ?? -1) - (a.score ?? -1);
}

/** The history of each risk, aligned with `risks`; undefined for a risk never assessed. */
function historiesOf(risks: readonly Risk[], byKey: ReadonlyMap<string, History>): (History | undefined)[] {
  return risks.map((risk) => byKey.get(riskIdKey(risk.id)));
}

function groupByRisk(assessments: readonly Assessment[]): Map<string, History> {
  const histories = new Map<string, History>();
  const keyOf = riskIdKeyer();
  // An indexed loop: this one runs once over every assessment, too few times for the iterator
  // of a for-of to be optimised away (it allocated a result per assessment).
  // Sheets list a risk's quarters together more often than not: the last risk's history is tried first.
  let lastId: string | undefined;
  let history: History | undefined;
  for (let i = 0; i < assessments.length; i++) {
    const assessment = assessments[i]!;
    if (assessment.riskId !== lastId || !history) {
      const key = keyOf(assessment.riskId);
      history = histories.get(key);
      if (!history) {
        history = { indexes: [], assessments: [] };
        histories.set(key, history);
      }
      lastId = assessment.riskId;
    }
    addInOrder(history, quarterIndex(assessment.quarter), assessment);
  }
  return histories;
}

/**
 * Adds an assessment in its quarter's place. Sheets list a risk's quarters mostly in order, so
 * this is nearly always an append. The reader rejects a second assessment of one risk in one
 * quarter; the first is kept if one slips by.
 */
function addInOrder(history: History, index: number, assessment: Assessment): void {
  const { indexes, assessments } = history;
  const before = lastAtOrBefore(indexes, index);
  if (before >= 0 && indexes[before] === index) return;
  if (before === indexes.length - 1) {
    indexes.push(index);
    assessments.push(assessment);
  } else {
    indexes.splice(before + 1, 0, index);
    assessments.splice(before + 1, 0, assessment);
  }
}

/** The assessment that stands in quarter `index`: the latest at or before it (a score stands until re-assessed). */
export function latestAtOrBefore(history: History, index: number): Assessment | undefined {
  const found = lastAtOrBefore(history.indexes, index);
  return found < 0 ? undefined : history.assessments[found];
}

function heatMapOf(open: readonly RegisterRow[], matrix: RiskMatrix): string[][][] {
  const cells = Array.from({ length: matrix.probabilityLevels }, () =>
    Array.from({ length: matrix.impactLevels }, () => [] as string[]),
  );
  for (const row of open)
    if (row.impact !== undefined && row.probability !== undefined)
      cells[row.probability - 1]![row.impact - 1]!.push(row.risk.id);
  return cells;
}
