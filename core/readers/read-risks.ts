/** Reads the Risks sheet into typed rows; a row with an error is reported and left out. */
import type { IsoDate, SheetGrid } from '../cells/cell.ts';
import { quotedCellText } from '../cells/cell-text.ts';
import { compareIsoDates, dateFromCell, formatDateForReport } from '../dates/dates.ts';
import type { RiskColumnKey } from './headers.ts';
import { locateColumns, RISK_COLUMNS } from './headers.ts';
import type { IssueList } from './issue-list.ts';
import { implausibleDateNumber } from './plausible-dates.ts';
import type { GroupAssessments, Risk } from './risk.ts';
import type { ReviewFrequency } from './review-frequency.ts';
import { REVIEW_FREQUENCIES, reviewFrequencyOf } from './review-frequency.ts';
import type { StatusReading } from './risk-status.ts';
import { RISK_STATUS_CHOICES, riskStatusOf } from './risk-status.ts';
import type { Appetite } from './risk.ts';
import { idFault, riskIdKey, shownId } from './risk-id.ts';
import { choicesText, duplicateIdText } from '../issues/messages.ts';
import {
  RowCheck,
  RowReader,
  hasMissingRequired,
  labelsOf,
  reportDerivedErrors,
  reportErrorCells,
  safeRows,
} from './row-reader.ts';
import type { RiskMatrix } from '../matrix/matrix.ts';
import { appetiteFrom, appetiteScaleOf } from '../matrix/appetite.ts';
import type { LocatedGroups } from './read-group-assessments.ts';
import { locateGroups, readGroupAssessments } from './read-group-assessments.ts';
import { perText } from './per-text.ts';

export interface RisksRead {
  readonly risks: Risk[];
  /** Every ID on the sheet (trimmed, upper case), valid row or not; undefined when the sheet could not be read. */
  readonly knownIds?: Pick<ReadonlySet<string>, 'has'>;
  /** ID key → the risk, for rows that were read. */
  readonly validIds: ReadonlyMap<string, Risk>;
  readonly idColumn?: number;
  /** The columns the sheet has, so the register shows the optional ones (PRODUCT §8) only where they exist. */
  readonly columnsFound: ReadonlyMap<RiskColumnKey, number>;
}

const LABELS = labelsOf(RISK_COLUMNS);

type DateKey = 'dateRaised' | 'dateClosed' | 'closureReported' | 'nextReview';

type RiskDates = { readonly [K in DateKey]?: IsoDate };

/** One row's check, with the cell each kind of message goes to and the name it calls the risk by. */
interface RiskRow {
  readonly check: RowCheck<RiskColumnKey>;
  readonly reader: RowReader<RiskColumnKey>;
  /** The column of `key`, else of `fallback`, else the ID's. */
  readonly at: (key: RiskColumnKey, fallback?: RiskColumnKey) => number;
  readonly id: string;
  /** The risk's ID, or "row 7" when it has none. */
  readonly who: string;
}

/** The IDs seen so far on the sheet, to find a repeated one. */
class SeenIds {
  /** Each ID's key → the row that used it first: one Map serves as the set of known IDs too. */
  readonly firstRow = new Map<string, number>();

  /** Notes an ID on `row`; the row that used it first, when one did. */
  see(key: string, row: number): number | undefined {
    const first = this.firstRow.get(key);
    if (first === undefined) this.firstRow.set(key, row);
    return first;
  }
}

export function readRisks(grid: SheetGrid, issues: IssueList, matrix: RiskMatrix): RisksRead {
  const located = locateColumns(grid, RISK_COLUMNS);
  for (const issue of located.issues) issues.addHeaderIssue(issue, located.headerRow);
  const validIds = new Map<string, Risk>();
  const columnsFound = located.columns;
  if (hasMissingRequired(located.columns, RISK_COLUMNS)) return { risks: [], validIds, columnsFound };

  const rows = safeRows(grid);
  const risks: Risk[] = [];
  const idColumn = located.columns.get('id')!;
  const sheet: RisksSheet = {
    idColumn,
    seen: new SeenIds(),
    matrix,
    groups: locateGroups(located.columns, matrix, LABELS),
    statusOf: perText(riskStatusOf),
    frequencyOf: perText(reviewFrequencyOf),
  };
  const reader = new RowReader<RiskColumnKey>(located.columns);
  for (let row = located.headerRow + 1; row < rows.length; row++) {
    if (reader.read(rows[row]).allBlank()) continue;
    const risk = readRiskRow(new RowCheck(reader, row, issues), sheet);
    if (!risk) continue;
    validIds.set(riskIdKey(risk.id), risk);
    risks.push(risk);
  }
  reportDerivedErrors(reader, issues, LABELS);
  return { risks, knownIds: sheet.seen.firstRow, validIds, idColumn, columnsFound };
}

/** What every row of the sheet is read against. */
interface RisksSheet {
  readonly idColumn: number;
  readonly seen: SeenIds;
  readonly matrix: RiskMatrix;
  readonly groups: LocatedGroups | undefined;
  readonly statusOf: (text: string) => StatusReading | undefined;
  readonly frequencyOf: (text: string) => ReviewFrequency | undefined;
}

function readRiskRow(check: RowCheck<RiskColumnKey>, sheet: RisksSheet): Risk | undefined {
  const { reader } = check;
  const { idColumn, seen } = sheet;
  reportErrorCells(check, LABELS);
  const id = readId(check, idColumn, seen);
  const at = (key: RiskColumnKey, fallback: RiskColumnKey = 'id'): number =>
    reader.column(key) ?? reader.column(fallback) ?? idColumn;
  const who = id === '' || reader.error('id') ? `row ${check.row + 1}` : id;
  const risk: RiskRow = { check, reader, at, id, who };

  if (reader.blank('name') && !reader.error('name')) check.error(at('name'), `${who} has no risk name`);
  const status = readStatus(risk, sheet);
  const dates = readDates(risk);
  const reviewFrequency = readReviewFrequency(risk, sheet);
  const transferredTo = reader.text('transferredTo') || (status.to ?? '');
  checkClosure(risk, status, dates, transferredTo);
  checkDateOrder(risk, dates);
  const extras = readExtras(risk, sheet);
  return check.ok && extras
    ? riskOf(risk, { status, dates, transferredTo, reviewFrequency }, extras)
    : undefined;
}

/** The ID as written; an error when it is missing or repeats an earlier row's. */
function readId(check: RowCheck<RiskColumnKey>, idColumn: number, seen: SeenIds): string {
  const id = check.reader.text('id');
  if (check.reader.error('id')) return id;
  const fault = idFault(check.reader.value('id'), 'ID');
  if (id === '' || fault) {
    check.error(idColumn, fault && id ? fault : 'missing risk ID');
    return id;
  }
  const first = seen.see(riskIdKey(id), check.row);
  if (first !== undefined) check.error(idColumn, duplicateIdText(shownId(id), first));
  return id;
}

/** Open, Proposed for closure, Closed or Transferred, or a word registers use for one; blank reads as Open. */
function readStatus({ check, reader, at }: RiskRow, { statusOf }: RisksSheet): StatusReading {
  if (reader.error('status') || reader.blank('status')) return { status: 'Open' };
  const reading = statusOf(reader.text('status'));
  if (reading) return reading;
  check.error(at('status'), `status ${quotedCellText(reader.value('status'))} is not ${RISK_STATUS_CHOICES}`);
  return { status: 'Open' };
}

/** Monthly, Quarterly, 6-monthly or Annually, or a word registers use for one. */
function readReviewFrequency(
  { check, reader, at }: RiskRow,
  { frequencyOf }: RisksSheet,
): ReviewFrequency | undefined {
  if (reader.error('reviewFrequency') || reader.blank('reviewFrequency')) return undefined;
  const frequency = frequencyOf(reader.text('reviewFrequency'));
  if (frequency === undefined)
    check.error(
      at('reviewFrequency'),
      `review frequency ${quotedCellText(reader.value('reviewFrequency'))} is not ${choicesText(REVIEW_FREQUENCIES)}`,
    );
  return frequency;
}

function readDates(risk: RiskRow): RiskDates {
  const dates: { -readonly [K in DateKey]?: IsoDate } = {};
  for (const key of ['dateRaised', 'dateClosed', 'closureReported', 'nextReview'] as const) {
    const date = readDate(risk, key);
    if (date !== undefined) dates[key] = date;
  }
  return dates;
}

function readDate({ check, reader, at }: RiskRow, key: DateKey): IsoDate | undefined {
  if (reader.blank(key) || reader.error(key)) return undefined;
  const value = reader.value(key);
  const implausible = implausibleDateNumber(value, LABELS[key]);
  if (implausible) {
    check.error(at(key), implausible);
    return undefined;
  }
  const date = dateFromCell(value);
  if (date === undefined) check.error(at(key), `${LABELS[key]} ${quotedCellText(value)} is not a date`);
  return date;
}

/**
 * A Closed risk needs a date closed and a rationale; a Transferred one the date it left and where
 * it went; one Proposed for closure should give its rationale; a risk still open should not have
 * a date closed.
 */
function checkClosure(
  { check, reader, at, who }: RiskRow,
  { status }: StatusReading,
  dates: RiskDates,
  transferredTo: string,
): void {
  const missing = (key: RiskColumnKey) => reader.blank(key) && !reader.error(key);
  if (status === 'Closed') {
    if (missing('dateClosed'))
      check.error(at('dateClosed', 'status'), `${who} is Closed but has no date closed`);
    if (missing('closureRationale'))
      check.error(at('closureRationale', 'status'), `${who} is Closed but has no closure rationale`);
  } else if (status === 'Transferred') {
    if (missing('dateClosed'))
      check.error(
        at('dateClosed', 'status'),
        `${who} is Transferred but has no date closed (the date it left this register)`,
      );
    if (transferredTo === '' && !reader.error('transferredTo'))
      check.error(
        at('transferredTo', 'status'),
        `${who} is Transferred but does not say where to: fill in Transferred to`,
      );
  } else {
    if (dates.dateClosed !== undefined)
      check.warning(at('dateClosed'), `${who} has a date closed but its status is ${status}`);
    if (status === 'Proposed for closure' && missing('closureRationale'))
      check.warning(
        at('closureRationale', 'status'),
        `${who} is Proposed for closure but has no closure rationale for the committee`,
      );
  }
}

/** What a risk carries beyond the seed's columns (PRODUCT §8); undefined when one has an error (reported at its cell). */
function readExtras(
  { check, reader, at }: RiskRow,
  { matrix, groups: located }: RisksSheet,
): Extras | undefined {
  const groups = readGroupAssessments(check, located);
  let appetite: Appetite | undefined;
  if (!reader.blank('appetite') && !reader.error('appetite')) {
    const read = appetiteFrom(reader.value('appetite'), appetiteScaleOf(matrix));
    if (typeof read === 'string') check.error(at('appetite'), read);
    else appetite = read;
  }
  const category = reader.text('category');
  if (category !== '' && matrix.appetite && matrix.appetite.categories.size > 0 && appetite === undefined) {
    if (!matrix.appetite.categories.has(category.toLowerCase()))
      check.warning(
        at('category'),
        `category "${category}" has no appetite in the matrix (${[...matrix.appetite.categories.keys()].join(', ')})` +
          (matrix.appetite.default ? '; the default appetite applies' : ''),
      );
  }
  if (!groups || (!reader.blank('appetite') && appetite === undefined && !reader.error('appetite')))
    return undefined;
  return { groups, appetite, category };
}

/** What readExtras found; riskOf sets each field only when it is there. */
interface Extras {
  readonly groups: GroupAssessments;
  readonly appetite: Appetite | undefined;
  readonly category: string;
}

/** Pairs of dates that should come in that order: each the later, then the earlier. */
const DATE_ORDER = [
  ['dateClosed', 'dateRaised'],
  ['closureReported', 'dateClosed'],
] as const;

/** Raised, closed and reported should come in that order. */
function checkDateOrder({ check, at }: RiskRow, dates: RiskDates): void {
  for (const [key, before] of DATE_ORDER) {
    const date = dates[key];
    const earlier = dates[before];
    if (date !== undefined && earlier !== undefined && compareIsoDates(date, earlier) < 0) {
      check.warning(
        at(key),
        `${LABELS[key]} ${formatDateForReport(date)} is before ${LABELS[before]} ${formatDateForReport(earlier)}`,
      );
    }
  }
}

interface RiskReadings {
  readonly status: StatusReading;
  readonly dates: RiskDates;
  readonly transferredTo: string;
  readonly reviewFrequency: ReviewFrequency | undefined;
}

/**
 * The risk, its optional fields set one by one where they are there: spreading objects of varying
 * shape into a literal was most of the time it took to read a Risks sheet with the optional
 * columns (PRODUCT §8).
 */
function riskOf({ check, reader, id }: RiskRow, readings: RiskReadings, extras: Extras): Risk {
  const { dates, reviewFrequency, transferredTo } = readings;
  const risk: { -readonly [K in keyof Risk]: Risk[K] } = {
    id,
    name: reader.text('name'),
    description: reader.text('description'),
    impactNarrative: reader.text('impactNarrative'),
    controls: reader.text('controls'),
    owner: reader.text('owner'),
    status: readings.status.status,
    closureRationale: reader.text('closureRationale'),
    row: check.row,
  };
  if (dates.dateRaised !== undefined) risk.dateRaised = dates.dateRaised;
  if (dates.dateClosed !== undefined) risk.dateClosed = dates.dateClosed;
  if (dates.closureReported !== undefined) risk.closureReported = dates.closureReported;
  if (transferredTo !== '') risk.transferredTo = transferredTo;
  if (dates.nextReview !== undefined) risk.nextReview = dates.nextReview;
  if (reviewFrequency !== undefined) risk.reviewFrequency = reviewFrequency;
  if (!reader.blank('register')) risk.register = reader.text('register');
  const { inherent, target, targetDate } = extras.groups;
  if (inherent) risk.inherent = inherent;
  if (target) risk.target = target;
  if (targetDate !== undefined) risk.targetDate = targetDate;
  if (extras.appetite) risk.appetite = extras.appetite;
  if (extras.category !== '') risk.category = extras.category;
  return risk;
}
