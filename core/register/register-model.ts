/**
 * The quarterly register as a plain model: which risks are open in the quarter and how they
 * stand, which closed in it, what moved, and where each open risk sits on the heat map.
 * Every host renders this same model, so it is where parity between hosts is decided.
 */
import type { IsoDate } from '../cells/cell.ts';
import { scoreOf, type RiskMatrix } from '../matrix/matrix.ts';
import type { FiscalCalendar, Quarter } from '../quarters/quarter.ts';
import { quarterIndex, quarterWindow } from '../quarters/quarter.ts';
import { isClosedInQuarter, isOpenInQuarter } from './open-in-quarter.ts';
import type { Assessment, Risk } from '../readers/risk.ts';
import type { Trend } from './trend.ts';
import { lastAtOrBefore, trendsForWindow } from './trend.ts';
import { riskIdComparator, riskIdKey, riskIdKeyer } from '../readers/risk-id.ts';
import { ratingIndexOf } from '../matrix/matrix-lookup.ts';

/** An open risk as the register shows it: the risk as read, and how it stands in the reported quarter. */
export interface RegisterRow {
  readonly risk: Risk;
  /** Levels in force in the reported quarter (the latest assessment at or before it). */
  readonly impact: number;
  readonly probability: number;
  readonly score: number;
  readonly rating: string;
  /** Index into the matrix's ratings, 0 = least severe. */
  readonly severity: number;
  /** Aligned with `RegisterModel.quarters`. */
  readonly trend: readonly Trend[];
  /** Quarter of the assessment in force. */
  readonly assessedIn: Quarter;
  readonly commentary: string;
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
}

export interface RegisterModel {
  readonly quarter: Quarter;
  /** The trend window, oldest first, ending with `quarter`. */
  readonly quarters: readonly Quarter[];
  /** Open risks in register order: most severe rating, then highest score, then ID in natural order. */
  readonly open: readonly RegisterRow[];
  readonly closed: readonly ClosedRow[];
  readonly movement: Movement;
  /** `heatMap[probability - 1][impact - 1]` lists the IDs of the open risks in that cell, in register order. */
  readonly heatMap: readonly (readonly (readonly string[])[])[];
}

export interface RegisterInput {
  readonly risks: readonly Risk[];
  readonly assessments: readonly Assessment[];
  readonly matrix: RiskMatrix;
  readonly calendar: FiscalCalendar;
  readonly quarter: Quarter;
  /** How many quarters of trend to show, ending with `quarter` (4 in the reference). */
  readonly quarterCount: number;
}

/** One risk's assessments as quarter index → assessment, sorted by quarter. */
interface History {
  readonly indexes: number[];
  readonly byIndex: Map<number, Assessment>;
  readonly scores: Map<number, number>;
}

type MutableMovement = { -readonly [K in keyof Movement]: Movement[K][number][] };

/** Rating names and severities of assessments on one matrix. */
interface Rater {
  readonly severityOf: (assessment: Assessment) => number;
  readonly ratingName: (severity: number) => string;
}

/**
 * The register for a quarter: the risks open in it rated by the assessment in force, the risks
 * closed in it, and how ratings moved since the quarter before.
 */
export function buildRegister(input: RegisterInput): RegisterModel {
  const { matrix, calendar, quarter } = input;
  const reportedIndex = quarterIndex(quarter);
  const quarters = quarterWindow(quarter, input.quarterCount);
  const histories = groupByRisk(input.assessments);
  const rater: Rater = {
    severityOf: (a) => ratingIndexOf(matrix, a.impact, a.probability),
    ratingName: (severity) => matrix.spec.ratings[severity]!.name,
  };
  const open: RegisterRow[] = [];
  const closed: ClosedRow[] = [];
  const movement: MutableMovement = { new: [], escalated: [], deEscalated: [], closed: [] };

  for (const risk of input.risks) {
    const history = histories.get(riskIdKey(risk.id));
    const inForce = history && latestAtOrBefore(history, reportedIndex);
    if (isClosedInQuarter(risk, quarter, calendar)) {
      closed.push(closedRow(risk, inForce, rater));
      movement.closed.push({ id: risk.id, name: risk.name });
      continue;
    }
    // An open risk with no assessment yet cannot be rated, and checkReassessed warns about it.
    if (!isOpenInQuarter(risk, quarter, calendar) || !history || !inForce) continue;
    const row = openRow(risk, inForce, trendsForWindow(history.scores, quarters), rater);
    open.push(row);
    noteMovement(movement, row, latestAtOrBefore(history, reportedIndex - 1), rater);
  }
  sortInRegisterOrder(open, closed, movement);
  return { quarter, quarters, open, closed, movement, heatMap: heatMapOf(open, matrix) };
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

function openRow(risk: Risk, inForce: Assessment, trend: Trend[], rater: Rater): RegisterRow {
  const severity = rater.severityOf(inForce);
  return {
    risk,
    impact: inForce.impact,
    probability: inForce.probability,
    score: scoreOf(inForce.impact, inForce.probability),
    rating: rater.ratingName(severity),
    severity,
    trend,
    assessedIn: inForce.quarter,
    commentary: inForce.commentary,
  };
}

/** New when nothing was in force the quarter before; else escalated or de-escalated when its rating moved. */
function noteMovement(
  movement: MutableMovement,
  row: RegisterRow,
  previous: Assessment | undefined,
  rater: Rater,
): void {
  if (!previous) {
    movement.new.push({ id: row.risk.id, name: row.risk.name, rating: row.rating });
    return;
  }
  const before = rater.severityOf(previous);
  const change = { id: row.risk.id, name: row.risk.name, from: rater.ratingName(before), to: row.rating };
  if (row.severity > before) movement.escalated.push(change);
  else if (row.severity < before) movement.deEscalated.push(change);
}

/** Open risks and their movement in register order; closed ones by ID. */
function sortInRegisterOrder(open: RegisterRow[], closed: ClosedRow[], movement: MutableMovement): void {
  const byId = riskIdComparator();
  open.sort(registerRowComparator(byId));
  const order = new Map(open.map((row, i) => [row.risk.id, i]));
  const byRegisterOrder = (a: { id: string }, b: { id: string }) => order.get(a.id)! - order.get(b.id)!;
  movement.new.sort(byRegisterOrder);
  movement.escalated.sort(byRegisterOrder);
  movement.deEscalated.sort(byRegisterOrder);
  closed.sort((a, b) => byId(a.id, b.id));
  movement.closed.sort((a, b) => byId(a.id, b.id));
}

/**
 * Register order (PRODUCT §5): most severe rating first, then highest score, then ID naturally
 * (`byId`, e.g. riskIdComparator()).
 */
export function registerRowComparator(
  byId: (a: string, b: string) => number,
): (a: RegisterRow, b: RegisterRow) => number {
  return (a, b) => b.severity - a.severity || b.score - a.score || byId(a.risk.id, b.risk.id);
}

function groupByRisk(assessments: readonly Assessment[]): Map<string, History> {
  const histories = new Map<string, History>();
  const keyOf = riskIdKeyer();
  for (const assessment of assessments) {
    const key = keyOf(assessment.riskId);
    let history = histories.get(key);
    if (!history) {
      history = { indexes: [], byIndex: new Map(), scores: new Map() };
      histories.set(key, history);
    }
    const index = quarterIndex(assessment.quarter);
    // The reader rejects a second assessment of one risk in one quarter; keep the first if one slips by.
    if (!history.byIndex.has(index)) {
      history.byIndex.set(index, assessment);
      history.scores.set(index, scoreOf(assessment.impact, assessment.probability));
      history.indexes.push(index);
    }
  }
  for (const history of histories.values()) history.indexes.sort((a, b) => a - b);
  return histories;
}

/** The assessment that stands in quarter `index`: the latest at or before it (a score stands until re-assessed). */
function latestAtOrBefore(history: History, index: number): Assessment | undefined {
  const found = lastAtOrBefore(history.indexes, index);
  return found < 0 ? undefined : history.byIndex.get(history.indexes[found]!);
}

function heatMapOf(open: readonly RegisterRow[], matrix: RiskMatrix): string[][][] {
  const cells = Array.from({ length: matrix.probabilityLevels }, () =>
    Array.from({ length: matrix.impactLevels }, () => [] as string[]),
  );
  for (const row of open) cells[row.probability - 1]![row.impact - 1]!.push(row.risk.id);
  return cells;
}
