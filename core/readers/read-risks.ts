/** Reads the Risks sheet into typed rows; a row with an error is reported and left out. */
import type { IsoDate, SheetGrid } from '../cells/cell.ts';
import { quotedCellText } from '../cells/cell-text.ts';
import { compareIsoDates, dateFromCell, formatDateForReport } from '../dates/dates.ts';
import type { RiskColumnKey } from './headers.ts';
import { locateColumns, RISK_COLUMNS } from './headers.ts';
import type { IssueList } from './issue-list.ts';
import type { Appetite, Risk, RiskStatus } from './risk.ts';
import { idFault, riskIdKey, shownId } from './risk-id.ts';
import { duplicateIdText } from '../issues/messages.ts';
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
import { readGroupAssessments } from './read-group-assessments.ts';

export interface RisksRead {
  readonly risks: Risk[];
  /** Every ID on the sheet (trimmed, upper case), valid row or not; undefined when the sheet could not be read. */
  readonly knownIds?: ReadonlySet<string>;
  /** ID key → the risk, for rows that were read. */
  readonly validIds: ReadonlyMap<string, Risk>;
  readonly idColumn?: number;
}

const LABELS = labelsOf(RISK_COLUMNS);

type DateKey = 'dateRaised' | 'dateClosed' | 'closureReported';

interface RiskDates {
  readonly dateRaised?: IsoDate;
  readonly dateClosed?: IsoDate;
  readonly closureReported?: IsoDate;
}

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
  readonly known = new Set<string>();
  private readonly firstRow = new Map<string, number>();

  /** Notes an ID on `row`; the row that used it first, when one did. */
  see(id: string, row: number): number | undefined {
    const key = riskIdKey(id);
    this.known.add(key);
    const first = this.firstRow.get(key);
    if (first === undefined) this.firstRow.set(key, row);
    return first;
  }
}

export function readRisks(grid: SheetGrid, issues: IssueList, matrix: RiskMatrix): RisksRead {
  const located = locateColumns(grid, RISK_COLUMNS);
  for (const issue of located.issues) issues.addHeaderIssue(issue, located.headerRow);
  const validIds = new Map<string, Risk>();
  if (hasMissingRequired(located.columns, RISK_COLUMNS)) return { risks: [], validIds };

  const rows = safeRows(grid);
  const risks: Risk[] = [];
  const seen = new SeenIds();
  const idColumn = located.columns.get('id')!;
  const reader = new RowReader<RiskColumnKey>(located.columns);
  for (let row = located.headerRow + 1; row < rows.length; row++) {
    if (reader.read(rows[row]).allBlank()) continue;
    const risk = readRiskRow(new RowCheck(reader, row, issues), idColumn, seen, matrix);
    if (!risk) continue;
    validIds.set(riskIdKey(risk.id), risk);
    risks.push(risk);
  }
  reportDerivedErrors(reader, issues, LABELS);
  return { risks, knownIds: seen.known, validIds, idColumn };
}

function readRiskRow(
  check: RowCheck<RiskColumnKey>,
  idColumn: number,
  seen: SeenIds,
  matrix: RiskMatrix,
): Risk | undefined {
  const { reader } = check;
  reportErrorCells(check, LABELS);
  const id = readId(check, idColumn, seen);
  const at = (key: RiskColumnKey, fallback: RiskColumnKey = 'id'): number =>
    reader.column(key) ?? reader.column(fallback) ?? idColumn;
  const who = id === '' || reader.error('id') ? `row ${check.row + 1}` : id;
  const risk: RiskRow = { check, reader, at, id, who };

  if (reader.blank('name') && !reader.error('name')) check.error(at('name'), `${who} has no risk name`);
  const status = readStatus(risk);
  const dates = readDates(risk);
  checkClosure(risk, status, dates);
  checkDateOrder(risk, dates);
  const extras = readExtras(risk, matrix);
  return check.ok && extras ? { ...riskOf(risk, status, dates), ...extras } : undefined;
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
  const first = seen.see(id, check.row);
  if (first !== undefined) check.error(idColumn, duplicateIdText(shownId(id), first));
  return id;
}

/** Open or Closed in any case; blank reads as Open. */
function readStatus({ check, reader, at }: RiskRow): RiskStatus {
  if (reader.error('status') || reader.blank('status')) return 'Open';
  const text = reader.text('status').toLowerCase();
  if (text === 'closed') return 'Closed';
  if (text !== 'open')
    check.error(at('status'), `status ${quotedCellText(reader.value('status'))} is not Open or Closed`);
  return 'Open';
}

function readDates(risk: RiskRow): RiskDates {
  const dates: { -readonly [K in DateKey]?: IsoDate } = {};
  for (const key of ['dateRaised', 'dateClosed', 'closureReported'] as const) {
    const date = readDate(risk, key);
    if (date !== undefined) dates[key] = date;
  }
  return dates;
}

function readDate({ check, reader, at }: RiskRow, key: DateKey): IsoDate | undefined {
  if (reader.blank(key) || reader.error(key)) return undefined;
  const value = reader.value(key);
  const date = dateFromCell(value);
  if (date === undefined) check.error(at(key), `${LABELS[key]} ${quotedCellText(value)} is not a date`);
  return date;
}

/** A Closed risk needs a date closed and a rationale; an Open one should not have a date closed. */
function checkClosure({ check, reader, at, who }: RiskRow, status: RiskStatus, dates: RiskDates): void {
  if (status === 'Closed') {
    if (reader.blank('dateClosed') && !reader.error('dateClosed')) {
      check.error(at('dateClosed', 'status'), `${who} is Closed but has no date closed`);
    }
    if (reader.blank('closureRationale') && !reader.error('closureRationale')) {
      check.error(at('closureRationale', 'status'), `${who} is Closed but has no closure rationale`);
    }
  } else if (dates.dateClosed !== undefined) {
    check.warning(at('dateClosed'), `${who} has a date closed but its status is Open`);
  }
}

/** What a risk carries beyond the seed's columns (PRODUCT §8); undefined when one has an error (reported at its cell). */
function readExtras(
  { check, reader, at }: RiskRow,
  matrix: RiskMatrix,
): Pick<Risk, 'inherent' | 'target' | 'targetDate' | 'appetite' | 'category'> | undefined {
  const groups = readGroupAssessments(check, matrix, LABELS);
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
  return {
    ...groups,
    ...(appetite ? { appetite } : {}),
    ...(category !== '' ? { category } : {}),
  };
}

/** Raised, closed and reported should come in that order. */
function checkDateOrder({ check, at }: RiskRow, dates: RiskDates): void {
  for (const [key, before] of [
    ['dateClosed', 'dateRaised'],
    ['closureReported', 'dateClosed'],
  ] as const) {
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

function riskOf({ check, reader, id }: RiskRow, status: RiskStatus, dates: RiskDates): Risk {
  return {
    id,
    name: reader.text('name'),
    description: reader.text('description'),
    impactNarrative: reader.text('impactNarrative'),
    controls: reader.text('controls'),
    owner: reader.text('owner'),
    status,
    ...(dates.dateRaised !== undefined ? { dateRaised: dates.dateRaised } : {}),
    ...(dates.dateClosed !== undefined ? { dateClosed: dates.dateClosed } : {}),
    closureRationale: reader.text('closureRationale'),
    ...(dates.closureReported !== undefined ? { closureReported: dates.closureReported } : {}),
    row: check.row,
  };
}
