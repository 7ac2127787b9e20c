/**
 * Reads the Risks and Assessments sheets into typed rows, with an issue addressed to the cell
 * for every problem. A row with an error is left out of the typed rows, so nothing built from
 * them can be silently wrong; warnings keep the row. Any grid at all is read without throwing.
 */
import type { CellValue, SheetGrid } from '../cells/cell.ts';
import { UNCALCULATED, a1, isDateCell, isErrorCell } from '../cells/cell.ts';
import { compareIsoDates, dateFromCell, formatDateForReport } from '../dates/dates.ts';
import type { AssessmentColumnKey, ColumnSpec, RiskColumnKey } from './headers.ts';
import {
  ASSESSMENT_COLUMNS,
  ASSESSMENTS_SHEET_NAME,
  locateColumns,
  RISK_COLUMNS,
  RISKS_SHEET_NAME,
} from './headers.ts';
import type { Issue } from '../issues/issue.ts';
import { issueError, issueWarning } from '../issues/issue.ts';
import type { RiskMatrix } from '../matrix/matrix.ts';
import type { FiscalCalendar, Quarter } from '../quarters/quarter.ts';
import { formatQuarter, quarterEndDate, quarterFromCell, quarterFromIndex, quarterIndex } from '../quarters/quarter.ts';
import type { Assessment, Risk, RiskStatus } from './risk.ts';

export interface RegisterSheets {
  readonly risks?: SheetGrid;
  readonly assessments?: SheetGrid;
}

export interface ReadOptions {
  readonly matrix: RiskMatrix;
  readonly calendar: FiscalCalendar;
}

export interface RegisterRead {
  readonly risks: Risk[];
  readonly assessments: Assessment[];
  /** Sorted by sheet (Risks first), then row, then column. */
  readonly issues: Issue[];
  /** 0-based column of the ID on Risks, so later checks can address a risk's ID cell. */
  readonly riskIdColumn?: number;
}

/** An issue with the position it sorts by. */
interface Located {
  readonly sheetOrder: number;
  readonly row: number;
  readonly column: number;
  readonly issue: Issue;
}

class IssueList {
  readonly items: Located[] = [];

  constructor(
    private readonly sheet: string,
    private readonly sheetOrder: number,
  ) {}

  error(row: number, column: number, message: string): void {
    this.items.push({
      sheetOrder: this.sheetOrder,
      row,
      column,
      issue: issueError(this.sheet, a1(row, column), message),
    });
  }

  warning(row: number, column: number, message: string): void {
    this.items.push({
      sheetOrder: this.sheetOrder,
      row,
      column,
      issue: issueWarning(this.sheet, a1(row, column), message),
    });
  }
}

/** Reads data rows of a grid through the located columns, treating anything odd as blank. One per sheet. */
class RowReader<K extends string> {
  private row: readonly CellValue[] | undefined;

  constructor(readonly columns: ReadonlyMap<K, number>) {}

  /** Moves to another row of the grid. */
  read(row: readonly CellValue[] | undefined): this {
    this.row = row;
    return this;
  }

  column(key: K): number | undefined {
    return this.columns.get(key);
  }

  value(key: K): CellValue {
    const column = this.columns.get(key);
    if (column === undefined || !Array.isArray(this.row)) return null;
    const value: unknown = this.row[column];
    if (typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') return value;
    if (isDateCell(value) || isErrorCell(value)) return value;
    return null;
  }

  text(key: K): string {
    return textOf(this.value(key));
  }

  blank(key: K): boolean {
    return textOf(this.value(key)) === '';
  }

  error(key: K): boolean {
    return isErrorCell(this.value(key));
  }
}

function textOf(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDateCell(value)) return typeof value.iso === 'string' ? value.iso : '';
  return typeof value.code === 'string' && value.code !== '' ? value.code : '#ERROR';
}

/** A value as a message quotes it: text in quotes, numbers and booleans as they are. */
function shown(value: CellValue): string {
  return typeof value === 'string' || isDateCell(value) ? `"${textOf(value)}"` : textOf(value);
}

function idKey(id: string): string {
  return id.trim().toUpperCase();
}

const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** A number as typed, or as text that is only a number ("4"); undefined for anything else. */
function numberOf(value: CellValue): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && NUMBER_TEXT.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** Labels the messages use for each column (lower case, as in `impact 6 is outside 1-5`). */
const RISK_LABELS: Readonly<Record<RiskColumnKey, string>> = {
  id: 'ID',
  name: 'risk name',
  description: 'description',
  impactNarrative: 'impact',
  controls: 'key controls and activities',
  owner: 'owner',
  status: 'status',
  dateRaised: 'date raised',
  dateClosed: 'date closed',
  closureRationale: 'closure rationale',
  closureReported: 'closure reported',
};

const ASSESSMENT_LABELS: Readonly<Record<AssessmentColumnKey, string>> = {
  riskId: 'risk ID',
  quarter: 'quarter',
  impact: 'impact',
  probability: 'probability',
  score: 'score',
  rating: 'rating',
  commentary: 'commentary',
};

/** Columns whose values the register does not use (it computes them), so their errors only warn. */
const DERIVED_COLUMNS: ReadonlySet<string> = new Set<AssessmentColumnKey>(['score', 'rating']);

function safeRows(grid: SheetGrid): readonly (readonly CellValue[])[] {
  return Array.isArray(grid.rows) ? grid.rows : [];
}

function sheetName(grid: SheetGrid, fallback: string): string {
  return typeof grid.name === 'string' ? grid.name : fallback;
}

/**
 * Reports every error cell in the row's known columns; true when there was one that blocks the row.
 */
function reportErrorCells<K extends string>(
  reader: RowReader<K>,
  row: number,
  labels: Readonly<Record<K, string>>,
  issues: IssueList,
): boolean {
  let blocking = false;
  for (const [key, column] of reader.columns) {
    const value = reader.value(key);
    if (!isErrorCell(value)) continue;
    if (value.code === UNCALCULATED) {
      // Score and Rating are computed anyway; elsewhere the value the formula stands for is unknown.
      if (DERIVED_COLUMNS.has(key)) continue;
      issues.error(row, column, `${labels[key]} is a formula with no calculated value; open and save the workbook in Excel or LibreOffice to calculate it`);
      blocking = true;
    } else if (DERIVED_COLUMNS.has(key)) {
      issues.warning(
        row,
        column,
        `${labels[key]} is the error ${textOf(value)}; the computed ${labels[key]} is used`,
      );
    } else {
      issues.error(row, column, `${labels[key]} is the error ${textOf(value)}`);
      blocking = true;
    }
  }
  return blocking;
}

function allBlank<K extends string>(reader: RowReader<K>): boolean {
  for (const key of reader.columns.keys()) if (!reader.blank(key)) return false;
  return true;
}

interface RisksRead {
  readonly risks: Risk[];
  /** Every ID on the sheet (trimmed, upper case), valid row or not; undefined when the sheet could not be read. */
  readonly knownIds?: ReadonlySet<string>;
  /** ID key → the ID as written, for rows that were read. */
  readonly validIds: ReadonlyMap<string, string>;
  readonly idColumn?: number;
}

function readRisks(grid: SheetGrid, issues: IssueList): RisksRead {
  const located = locateColumns(grid, RISK_COLUMNS);
  for (const issue of located.issues) pushLocated(issues, issue, located.headerRow);
  const validIds = new Map<string, string>();
  if (hasMissingRequired(located.columns, RISK_COLUMNS)) return { risks: [], validIds };

  const rows = safeRows(grid);
  const risks: Risk[] = [];
  const knownIds = new Set<string>();
  const firstRowOfId = new Map<string, number>();
  const idColumn = located.columns.get('id')!;
  const reader = new RowReader<RiskColumnKey>(located.columns);

  for (let row = located.headerRow + 1; row < rows.length; row++) {
    reader.read(rows[row]);
    if (allBlank(reader)) continue;
    let ok = !reportErrorCells(reader, row, RISK_LABELS, issues);
    const at = (key: RiskColumnKey, fallback: RiskColumnKey = 'id'): number =>
      reader.column(key) ?? reader.column(fallback) ?? idColumn;

    const id = reader.text('id');
    if (!reader.error('id')) {
      if (id === '') {
        issues.error(row, idColumn, 'missing risk ID');
        ok = false;
      } else {
        const key = idKey(id);
        knownIds.add(key);
        const first = firstRowOfId.get(key);
        if (first !== undefined) {
          issues.error(row, idColumn, `duplicate ID ${id}: row ${first + 1} already uses it`);
          ok = false;
        } else {
          firstRowOfId.set(key, row);
        }
      }
    }
    const who = id === '' || reader.error('id') ? `row ${row + 1}` : id;

    if (reader.blank('name') && !reader.error('name')) {
      issues.error(row, at('name'), `${who} has no risk name`);
      ok = false;
    }

    let status: RiskStatus = 'Open';
    if (!reader.error('status') && !reader.blank('status')) {
      const text = reader.text('status').toLowerCase();
      if (text === 'open') status = 'Open';
      else if (text === 'closed') status = 'Closed';
      else {
        issues.error(row, at('status'), `status ${shown(reader.value('status'))} is not Open or Closed`);
        ok = false;
      }
    }

    const readDate = (key: 'dateRaised' | 'dateClosed' | 'closureReported'): string | undefined => {
      if (reader.blank(key) || reader.error(key)) return undefined;
      const value = reader.value(key);
      const date = dateFromCell(value);
      if (date === undefined) {
        issues.error(row, at(key), `${RISK_LABELS[key]} ${shown(value)} is not a date`);
        ok = false;
      }
      return date;
    };
    const dateRaised = readDate('dateRaised');
    const dateClosed = readDate('dateClosed');
    const closureReported = readDate('closureReported');

    if (status === 'Closed') {
      if (reader.blank('dateClosed') && !reader.error('dateClosed')) {
        issues.error(row, at('dateClosed', 'status'), `${who} is Closed but has no date closed`);
        ok = false;
      }
      if (reader.blank('closureRationale') && !reader.error('closureRationale')) {
        issues.error(row, at('closureRationale', 'status'), `${who} is Closed but has no closure rationale`);
        ok = false;
      }
    } else if (dateClosed !== undefined) {
      issues.warning(row, at('dateClosed'), `${who} has a date closed but its status is Open`);
    }
    if (dateRaised !== undefined && dateClosed !== undefined && compareIsoDates(dateClosed, dateRaised) < 0) {
      issues.warning(
        row,
        at('dateClosed'),
        `date closed ${formatDateForReport(dateClosed)} is before date raised ${formatDateForReport(dateRaised)}`,
      );
    }
    if (
      dateClosed !== undefined &&
      closureReported !== undefined &&
      compareIsoDates(closureReported, dateClosed) < 0
    ) {
      issues.warning(
        row,
        at('closureReported'),
        `closure reported ${formatDateForReport(closureReported)} is before date closed ${formatDateForReport(dateClosed)}`,
      );
    }

    if (!ok) continue;
    const risk: Risk = {
      id,
      name: reader.text('name'),
      description: reader.text('description'),
      impactNarrative: reader.text('impactNarrative'),
      controls: reader.text('controls'),
      owner: reader.text('owner'),
      status,
      ...(dateRaised !== undefined ? { dateRaised } : {}),
      ...(dateClosed !== undefined ? { dateClosed } : {}),
      closureRationale: reader.text('closureRationale'),
      ...(closureReported !== undefined ? { closureReported } : {}),
      row,
    };
    validIds.set(idKey(id), id);
    risks.push(risk);
  }
  return { risks, knownIds, validIds, idColumn };
}

function hasMissingRequired<K extends string>(
  columns: ReadonlyMap<K, number>,
  specs: readonly ColumnSpec<K>[],
): boolean {
  return specs.some((spec) => spec.required && !columns.has(spec.key));
}

// Header issues carry an A1 address already; keep them in header-row order with the rest.
function pushLocated(issues: IssueList, issue: Issue, headerRow: number): void {
  const letters = /^[A-Z]+/.exec(issue.cell)?.[0] ?? 'A';
  let column = 0;
  for (const letter of letters) column = column * 26 + letter.charCodeAt(0) - 64;
  if (issue.severity === 'error') issues.error(headerRow, column - 1, issue.message);
  else issues.warning(headerRow, column - 1, issue.message);
}

const LEVEL_KEYS = ['impact', 'probability'] as const;

/** A whole-number level within 1..max, or the message saying why the value is not one. */
function readLevel(value: CellValue, label: string, max: number): number | string {
  if (textOf(value) === '') return `${label} is missing`;
  const number = numberOf(value);
  if (number === undefined) return `${label} ${shown(value)} is not a number`;
  if (!Number.isInteger(number)) return `${label} ${number} is not a whole number`;
  if (number < 1 || number > max) return `${label} ${number} is outside 1-${max}`;
  return number;
}

function readAssessments(
  grid: SheetGrid,
  issues: IssueList,
  options: ReadOptions,
  risks: RisksRead | undefined,
  risksSheet: string,
): Assessment[] {
  const located = locateColumns(grid, ASSESSMENT_COLUMNS);
  for (const issue of located.issues) pushLocated(issues, issue, located.headerRow);
  if (hasMissingRequired(located.columns, ASSESSMENT_COLUMNS)) return [];

  const { matrix, calendar } = options;
  const rows = safeRows(grid);
  const assessments: Assessment[] = [];
  const firstRowOf = new Map<string, number>();
  const reader = new RowReader<AssessmentColumnKey>(located.columns);
  const at = (key: AssessmentColumnKey): number => reader.column(key)!;
  // Registers repeat a few quarter labels thousands of times: parse each once.
  const quarterOfText = new Map<string, Quarter | undefined>();
  const readQuarter = (value: CellValue): Quarter | undefined => {
    if (typeof value !== 'string') return quarterFromCell(value, calendar);
    if (!quarterOfText.has(value)) quarterOfText.set(value, quarterFromCell(value, calendar));
    return quarterOfText.get(value);
  };

  for (let row = located.headerRow + 1; row < rows.length; row++) {
    reader.read(rows[row]);
    if (allBlank(reader)) continue;
    let ok = !reportErrorCells(reader, row, ASSESSMENT_LABELS, issues);

    const id = reader.text('riskId');
    let riskId: string | undefined;
    if (!reader.error('riskId')) {
      if (id === '') {
        issues.error(row, at('riskId'), 'missing risk ID');
        ok = false;
      } else if (risks?.knownIds && !risks.knownIds.has(idKey(id))) {
        issues.error(row, at('riskId'), `risk ID ${id} is not on the ${risksSheet} sheet`);
        ok = false;
      } else {
        riskId = id;
      }
    }

    let quarter: Quarter | undefined;
    if (!reader.error('quarter')) {
      const value = reader.value('quarter');
      if (reader.blank('quarter')) {
        issues.error(row, at('quarter'), 'quarter is missing');
        ok = false;
      } else {
        quarter = readQuarter(value);
        if (!quarter) {
          issues.error(
            row,
            at('quarter'),
            `quarter ${shown(value)} is not a quarter label (Q2 2022/23) or a date`,
          );
          ok = false;
        }
      }
    }

    if (riskId !== undefined && quarter) {
      const key = `${idKey(riskId)}|${quarterIndex(quarter)}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) {
        issues.error(
          row,
          at('quarter'),
          `${riskId} already has an assessment for ${formatQuarter(quarter, calendar)} on row ${first + 1}`,
        );
        ok = false;
      } else {
        firstRowOf.set(key, row);
      }
    }

    let impact: number | undefined;
    let probability: number | undefined;
    for (const key of LEVEL_KEYS) {
      if (reader.error(key)) continue;
      const result = readLevel(
        reader.value(key),
        ASSESSMENT_LABELS[key],
        key === 'impact' ? matrix.impactLevels : matrix.probabilityLevels,
      );
      if (typeof result === 'number') {
        if (key === 'impact') impact = result;
        else probability = result;
      } else {
        issues.error(row, at(key), result);
        ok = false;
      }
    }

    if (impact !== undefined && probability !== undefined) {
      const score = impact * probability;
      const computed = (): string => `impact ${impact} × probability ${probability} = ${score}`;
      const scoreColumn = reader.column('score');
      if (scoreColumn !== undefined && !reader.blank('score') && !reader.error('score')) {
        const typed = reader.value('score');
        if (numberOf(typed) !== score)
          issues.warning(row, scoreColumn, `score ${shown(typed)} does not match ${computed()}`);
      }
      const ratingColumn = reader.column('rating');
      const rating = matrix.spec.ratings[matrix.ratingIndex[probability - 1]?.[impact - 1] ?? -1]?.name;
      if (
        ratingColumn !== undefined &&
        rating !== undefined &&
        !reader.blank('rating') &&
        !reader.error('rating')
      ) {
        if (reader.text('rating').toLowerCase() !== rating.toLowerCase()) {
          issues.warning(
            row,
            ratingColumn,
            `rating ${shown(reader.value('rating'))} does not match ${computed()} (${rating})`,
          );
        }
      }
    }

    if (!ok || riskId === undefined || !quarter || impact === undefined || probability === undefined)
      continue;
    // An assessment of a risk whose own row has an error is left out with it; that error is reported there.
    const canonicalId = risks?.knownIds ? risks.validIds.get(idKey(riskId)) : riskId;
    if (canonicalId === undefined) continue;
    assessments.push({
      riskId: canonicalId,
      quarter,
      impact,
      probability,
      commentary: reader.text('commentary'),
      row,
    });
  }
  return assessments;
}

/**
 * Reads the Risks and Assessments sheets. Every problem is an issue addressed to a cell on the
 * sheet it was found on; rows with errors are left out of `risks` and `assessments`. Assessment
 * risk IDs are given as the Risks sheet writes them.
 * @example
 * readRegisterSheets({ risks, assessments }, { matrix, calendar: APRIL_FISCAL_YEAR }).issues
 * // [{ severity: 'error', sheet: 'Assessments', cell: 'C7', message: 'impact 6 is outside 1-5' }]
 */
export function readRegisterSheets(input: RegisterSheets, options: ReadOptions): RegisterRead {
  const risksSheet = input.risks ? sheetName(input.risks, RISKS_SHEET_NAME) : RISKS_SHEET_NAME;
  const riskIssues = new IssueList(risksSheet, 0);
  let risksRead: RisksRead | undefined;
  if (input.risks) risksRead = readRisks(input.risks, riskIssues);
  else riskIssues.error(0, 0, `the workbook has no ${RISKS_SHEET_NAME} sheet`);

  const assessmentsSheet = input.assessments
    ? sheetName(input.assessments, ASSESSMENTS_SHEET_NAME)
    : ASSESSMENTS_SHEET_NAME;
  const assessmentIssues = new IssueList(assessmentsSheet, 1);
  let assessments: Assessment[] = [];
  if (input.assessments)
    assessments = readAssessments(input.assessments, assessmentIssues, options, risksRead, risksSheet);
  else assessmentIssues.error(0, 0, `the workbook has no ${ASSESSMENTS_SHEET_NAME} sheet`);

  const located = [...riskIssues.items, ...assessmentIssues.items];
  // Array.prototype.sort is stable, so issues at one cell keep the order they were found in.
  located.sort((a, b) => a.sheetOrder - b.sheetOrder || a.row - b.row || a.column - b.column);
  return {
    risks: risksRead?.risks ?? [],
    assessments,
    issues: located.map((item) => item.issue),
    ...(risksRead?.idColumn !== undefined ? { riskIdColumn: risksRead.idColumn } : {}),
  };
}

export interface ReassessmentSheets {
  readonly risks: string;
  readonly assessments?: string;
  /** 0-based column of the ID on Risks (`RegisterRead.riskIdColumn`); A when absent. */
  readonly riskIdColumn?: number;
}

/**
 * Warnings, addressed at each risk's ID cell on Risks, for the risks open in `quarter` whose
 * score was not renewed in it: re-assessed earlier (its last score stands) or never assessed
 * by then (it has no score, so the register leaves it out). A risk is open in a quarter when
 * it was raised by the quarter's end (or has no date raised) and is Open, or closed after it.
 * @example
 * checkReassessed(risks, assessments, { fiscalYear: 2022, quarter: 2 }, APRIL_FISCAL_YEAR, { risks: 'Risks' })
 * // [{ severity: 'warning', sheet: 'Risks', cell: 'A6', message: 'CRR05 was not re-assessed in Q2 2022/23; its Q1 2022/23 score stands' }]
 */
export function checkReassessed(
  risks: readonly Risk[],
  assessments: readonly Assessment[],
  quarter: Quarter,
  calendar: FiscalCalendar,
  sheets: ReassessmentSheets,
): Issue[] {
  const target = quarterIndex(quarter);
  const end = quarterEndDate(quarter, calendar);
  const label = formatQuarter(quarter, calendar);
  // Latest assessed quarter at or before the target, per risk.
  const latest = new Map<string, number>();
  for (const assessment of assessments) {
    const index = quarterIndex(assessment.quarter);
    if (index > target) continue;
    const key = idKey(assessment.riskId);
    const current = latest.get(key);
    if (current === undefined || index > current) latest.set(key, index);
  }

  const located: { row: number; issue: Issue }[] = [];
  for (const risk of risks) {
    if (risk.dateRaised !== undefined && compareIsoDates(risk.dateRaised, end) > 0) continue;
    const closedBy =
      risk.status === 'Closed' &&
      (risk.dateClosed === undefined || compareIsoDates(risk.dateClosed, end) <= 0);
    if (closedBy) continue;
    const column = sheets.riskIdColumn ?? 0;
    const cell = a1(risk.row, column);
    const last = latest.get(idKey(risk.id));
    if (last === undefined) {
      located.push({
        row: risk.row,
        issue: issueWarning(
          sheets.risks,
          cell,
          `${risk.id} has no assessment in or before ${label}, so it has no score for the register`,
        ),
      });
    } else if (last < target) {
      const stands = formatQuarter(quarterFromIndex(last), calendar);
      located.push({
        row: risk.row,
        issue: issueWarning(
          sheets.risks,
          cell,
          `${risk.id} was not re-assessed in ${label}; its ${stands} score stands`,
        ),
      });
    }
  }
  located.sort((a, b) => a.row - b.row);
  return located.map((item) => item.issue);
}
