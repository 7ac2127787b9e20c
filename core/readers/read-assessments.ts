/** Reads the Assessments sheet into typed rows; a row with an error is reported and left out. */
import type { CellValue, SheetGrid } from '../cells/cell.ts';
import { quotedCellText } from '../cells/cell-text.ts';
import type { RiskMatrix } from '../matrix/matrix.ts';
import { quarterExample } from '../issues/messages.ts';
import { checkAgainstRisk, checkGroupOrder, readGroupAssessments } from './read-group-assessments.ts';
import type { RatedColumns } from './read-rated.ts';
import { readRated } from './read-rated.ts';
import type { FiscalCalendar, Quarter } from '../quarters/quarter.ts';
import {
  ambiguousQuarter,
  compareQuarters,
  formatQuarter,
  quarterFromCell,
  quarterIndex,
  quarterOfDate,
} from '../quarters/quarter.ts';
import type { AssessmentColumnKey } from './headers.ts';
import { ASSESSMENT_COLUMNS, locateColumns } from './headers.ts';
import type { IssueList } from './issue-list.ts';
import { notAQuarterNumber } from './plausible-dates.ts';
import type { RisksRead } from './read-risks.ts';
import type { Assessment, GroupAssessments, Rated, Risk } from './risk.ts';
import { hasLeftRegister } from './risk-status.ts';
import { idFault, riskIdKeyer, shownId } from './risk-id.ts';
import {
  RowCheck,
  RowReader,
  hasMissingRequired,
  labelsOf,
  reportDerivedErrors,
  reportErrorCells,
  safeRows,
} from './row-reader.ts';

const LABELS = labelsOf(ASSESSMENT_COLUMNS);

/** What every row of one sheet is checked against. */
interface AssessmentsContext {
  readonly matrix: RiskMatrix;
  readonly calendar: FiscalCalendar;
  /** The Risks sheet as read, when there is one: IDs are checked against it. */
  readonly risks: RisksRead | undefined;
  readonly risksSheet: string;
  /**
   * Quarter index → ID key → the first row assessing that risk in that quarter. By quarter first:
   * a register has a few dozen quarters and thousands of risks, so a few Maps, not one per risk.
   */
  readonly firstRowOf: Map<number, Map<string, number>>;
  /** The quarters a risk was raised and closed in, worked out once per risk. */
  readonly lifeOf: (risk: Risk) => RiskLife;
  readonly keyOf: (id: string) => string;
  readonly readQuarter: (value: CellValue) => Quarter | undefined;
}

type Check = RowCheck<AssessmentColumnKey>;

export function readAssessments(
  grid: SheetGrid,
  issues: IssueList,
  options: { readonly matrix: RiskMatrix; readonly calendar: FiscalCalendar },
  risks: RisksRead | undefined,
  risksSheet: string,
): Assessment[] {
  const located = locateColumns(grid, ASSESSMENT_COLUMNS);
  for (const issue of located.issues) issues.addHeaderIssue(issue, located.headerRow);
  if (hasMissingRequired(located.columns, ASSESSMENT_COLUMNS)) return [];

  const { matrix, calendar } = options;
  const context: AssessmentsContext = {
    matrix,
    calendar,
    risks,
    risksSheet,
    firstRowOf: new Map(),
    readQuarter: quarterReader(calendar),
    lifeOf: lifeReader(calendar),
    keyOf: riskIdKeyer(),
  };
  const rows = safeRows(grid);
  const assessments: Assessment[] = [];
  const reader = new RowReader<AssessmentColumnKey>(located.columns);
  for (let row = located.headerRow + 1; row < rows.length; row++) {
    if (reader.read(rows[row]).allBlank()) continue;
    const assessment = readAssessmentRow(new RowCheck(reader, row, issues), context);
    if (assessment) assessments.push(assessment);
  }
  reportDerivedErrors(reader, issues, LABELS);
  return assessments;
}

/** Registers repeat a few quarter labels thousands of times: parse each once. */
function quarterReader(calendar: FiscalCalendar): (value: CellValue) => Quarter | undefined {
  const quarterOfText = new Map<string, Quarter | undefined>();
  return (value) => {
    if (typeof value !== 'string') return quarterFromCell(value, calendar);
    if (!quarterOfText.has(value)) quarterOfText.set(value, quarterFromCell(value, calendar));
    return quarterOfText.get(value);
  };
}

function readAssessmentRow(check: Check, context: AssessmentsContext): Assessment | undefined {
  const { matrix } = context;
  reportErrorCells(check, LABELS);
  const { riskId, key } = readRiskId(check, context) ?? {};
  const quarter = readQuarter(check, context);
  if (riskId !== undefined && key !== undefined && quarter)
    checkOnePerQuarter(check, context, riskId, key, quarter);
  const residual = readRated(check, RESIDUAL_COLUMNS, matrix, LABELS);
  const groups = readGroupAssessments(check, matrix, LABELS);

  if (!check.ok || key === undefined || !quarter || residual.kind !== 'rated' || !groups) return undefined;
  // An assessment of a risk whose own row has an error, or of a Risks sheet that could not be read, is left out
  // with it; that error is reported there.
  const risk = context.risks?.validIds.get(key);
  if (!risk) return undefined;
  checkAgainstRisk(check, risk, groups, context);
  checkGroupOrder(
    check,
    residual.rated,
    { inherent: groups.inherent ?? risk.inherent, target: groups.target ?? risk.target },
    matrix,
  );
  return assessmentOf(
    risk.id,
    quarter,
    residual.rated,
    groups,
    check.reader.text('commentary'),
    check.row,
    isStray(check, context, risk, quarter),
  );
}

/**
 * One assessment, its fields set one by one rather than spread in: this runs for every row, and
 * spreading objects of varying shape into a literal costs more than the whole row's checks.
 */
function assessmentOf(
  riskId: string,
  quarter: Quarter,
  residual: Rated,
  groups: GroupAssessments,
  commentary: string,
  row: number,
  stray: boolean,
): Assessment {
  const assessment: Mutable<Assessment> = { riskId, quarter, severity: residual.severity, commentary, row };
  if (residual.impact !== undefined) assessment.impact = residual.impact;
  if (residual.probability !== undefined) assessment.probability = residual.probability;
  if (groups.inherent) assessment.inherent = groups.inherent;
  if (groups.target) assessment.target = groups.target;
  if (groups.targetDate !== undefined) assessment.targetDate = groups.targetDate;
  if (stray) assessment.stray = true;
  return assessment;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const RESIDUAL_COLUMNS: RatedColumns<AssessmentColumnKey> = {
  impact: 'impact',
  probability: 'probability',
  score: 'score',
  rating: 'rating',
  required: true,
};

interface RiskLife {
  readonly raised?: Quarter;
  /** Only for a Closed risk. */
  readonly closed?: Quarter;
}

function lifeReader(calendar: FiscalCalendar): (risk: Risk) => RiskLife {
  const lives = new Map<Risk, RiskLife>();
  return (risk) => {
    let life = lives.get(risk);
    if (!life) {
      const closedOn = hasLeftRegister(risk.status) ? risk.dateClosed : undefined;
      life = {
        ...(risk.dateRaised ? { raised: quarterOfDate(risk.dateRaised, calendar) } : {}),
        ...(closedOn ? { closed: quarterOfDate(closedOn, calendar) } : {}),
      };
      lives.set(risk, life);
    }
    return life;
  };
}

/** An assessment for a quarter after a Closed risk's closed quarter, or before its raised one, warns at the Quarter cell. */
function isStray(check: Check, context: AssessmentsContext, risk: Risk, quarter: Quarter): boolean {
  const life = context.lifeOf(risk);
  if (life.closed && compareQuarters(quarter, life.closed) > 0) {
    warnStray(check, context, quarter, `after ${shownId(risk.id)} was closed`, life.closed);
    return true;
  }
  if (life.raised && compareQuarters(quarter, life.raised) < 0) {
    warnStray(check, context, quarter, `before ${shownId(risk.id)} was raised`, life.raised);
    return true;
  }
  return false;
}

/** @example 'Q3 2022/23 is after CRR7 was closed in Q2 2022/23' */
function warnStray(
  check: Check,
  { calendar }: AssessmentsContext,
  quarter: Quarter,
  when: string,
  edge: Quarter,
): void {
  check.warning(
    columnOf(check, 'quarter'),
    `${formatQuarter(quarter, calendar)} is ${when} in ${formatQuarter(edge, calendar)}`,
  );
}

function columnOf(check: Check, key: AssessmentColumnKey): number {
  return check.reader.column(key)!;
}

/** The risk ID as written, and its key; an error when it is missing or not on the Risks sheet. */
function readRiskId(
  check: Check,
  { risks, risksSheet, keyOf }: AssessmentsContext,
): { riskId: string; key: string } | undefined {
  const { reader } = check;
  if (reader.error('riskId')) return undefined;
  const id = reader.text('riskId');
  const column = columnOf(check, 'riskId');
  const fault = idFault(reader.value('riskId'), 'risk ID');
  if (id === '') check.error(column, 'missing risk ID');
  else if (fault) check.error(column, fault);
  else {
    const key = keyOf(id);
    if (!risks?.knownIds || risks.knownIds.has(key)) return { riskId: id, key };
    check.error(column, `risk ID ${shownId(id)} is not on the ${risksSheet} sheet`);
  }
  return undefined;
}

function readQuarter(check: Check, context: AssessmentsContext): Quarter | undefined {
  const { reader } = check;
  if (reader.error('quarter')) return undefined;
  if (reader.blank('quarter')) {
    check.error(columnOf(check, 'quarter'), 'quarter is missing');
    return undefined;
  }
  const value = reader.value('quarter');
  // Only a number can be one (the example is made only then: this runs for every row).
  const notAQuarter =
    typeof value === 'number' ? notAQuarterNumber(value, quarterExample(context.calendar)) : undefined;
  if (notAQuarter) {
    check.error(columnOf(check, 'quarter'), notAQuarter);
    return undefined;
  }
  const quarter = context.readQuarter(value);
  const readings =
    !quarter && typeof value === 'string' ? ambiguousQuarter(value, context.calendar) : undefined;
  if (readings) {
    const [one, other] = readings.map((q) => formatQuarter(q, context.calendar));
    check.error(
      columnOf(check, 'quarter'),
      `quarter ${quotedCellText(value)} is ambiguous: ${one} or ${other}; write it in full`,
    );
  } else if (!quarter) {
    check.error(
      columnOf(check, 'quarter'),
      `quarter ${quotedCellText(value)} is not a quarter label (${quarterExample(context.calendar)}) or a date`,
    );
  }
  return quarter;
}

/** A risk has at most one assessment a quarter. */
function checkOnePerQuarter(
  check: Check,
  context: AssessmentsContext,
  riskId: string,
  key: string,
  quarter: Quarter,
): void {
  const index = quarterIndex(quarter);
  let rows = context.firstRowOf.get(index);
  if (!rows) context.firstRowOf.set(index, (rows = new Map()));
  const first = rows.get(key);
  if (first === undefined) {
    rows.set(key, check.row);
    return;
  }
  check.error(
    columnOf(check, 'quarter'),
    `${shownId(riskId)} already has an assessment for ${formatQuarter(quarter, context.calendar)} on row ${first + 1}`,
  );
}
