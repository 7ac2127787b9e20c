/** Reads the Assessments sheet into typed rows; a row with an error is reported and left out. */
import type { CellValue, SheetGrid } from '../cells/cell.ts';
import { isErrorCell } from '../cells/cell.ts';
import { cellText, quotedCellText } from '../cells/cell-text.ts';
import type { RiskMatrix } from '../matrix/matrix.ts';
import { quarterExample } from '../issues/messages.ts';
import type { LocatedGroups } from './read-group-assessments.ts';
import {
  checkAgainstRisk,
  checkGroupOrder,
  locateGroups,
  readGroupAssessments,
} from './read-group-assessments.ts';
import type { RatedColumns } from './read-rated.ts';
import { RatedReader, locateRated } from './read-rated.ts';
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
import { perText } from './per-text.ts';
import type { RisksRead } from './read-risks.ts';
import type { Assessment, GroupAssessments, Rated, Risk } from './risk.ts';
import { hasLeftRegister } from './risk-status.ts';
import { idFault, riskIdKey, shownId } from './risk-id.ts';
import {
  RowCheck,
  RowReader,
  hasMissingRequired,
  isBlankValue,
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
  /** Each risk the rows name, by the ID as written (see riskEntries). */
  readonly entryOf: (id: string) => RiskEntry;
  readonly readQuarter: (value: CellValue) => Quarter | undefined;
  /** The key columns, located once: every row reads them. */
  readonly riskIdColumn: number;
  readonly quarterColumn: number;
  readonly commentaryColumn: number | undefined;
  readonly residual: RatedReader<AssessmentColumnKey>;
  readonly groups: LocatedGroups | undefined;
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
    readQuarter: quarterReader(calendar),
    entryOf: riskEntries(risks),
    riskIdColumn: located.columns.get('riskId')!,
    quarterColumn: located.columns.get('quarter')!,
    commentaryColumn: located.columns.get('commentary'),
    residual: new RatedReader(locateRated(located.columns, RESIDUAL_COLUMNS), matrix, LABELS),
    groups: locateGroups(located.columns, matrix, LABELS),
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
  const quarterOfText = perText((text) => quarterFromCell(text, calendar));
  return (value) => (typeof value === 'string' ? quarterOfText(value) : quarterFromCell(value, calendar));
}

function readAssessmentRow(check: Check, context: AssessmentsContext): Assessment | undefined {
  const { matrix } = context;
  reportErrorCells(check, LABELS);
  const entry = readRiskId(check, context);
  const quarter = readQuarter(check, context);
  if (entry && quarter) checkOnePerQuarter(check, context, entry, quarter);
  const residual = context.residual.read(check);
  const groups = readGroupAssessments(check, context.groups);

  if (!check.ok || !entry || !quarter || typeof residual !== 'object' || !groups) return undefined;
  // An assessment of a risk whose own row has an error, or of a Risks sheet that could not be read, is left out
  // with it; that error is reported there.
  const { risk } = entry;
  if (!risk) return undefined;
  checkAgainstRisk(check, risk, groups, context);
  checkGroupOrder(
    check,
    residual,
    { inherent: groups.inherent ?? risk.inherent, target: groups.target ?? risk.target },
    matrix,
  );
  return assessmentOf(
    risk.id,
    quarter,
    residual,
    groups,
    cellText(check.reader.valueAt(context.commentaryColumn)),
    check.row,
    isStray(check, context, entry, risk, quarter),
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
  // One shape for every rated row: impact and probability are always there, undefined for a
  // rating given alone (every reader asks `!== undefined`).
  const assessment: Mutable<Assessment> = {
    riskId,
    quarter,
    impact: residual.impact,
    probability: residual.probability,
    severity: residual.severity,
    commentary,
    row,
  };
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
  readonly raised: Quarter | undefined;
  /** Only for a risk that has left the register. */
  readonly closed: Quarter | undefined;
}

/**
 * What the rows of one risk share: its key, whether Risks has it, its valid Risks row, the row
 * that first assessed it in each quarter, and its life. Rows name a risk by the same text (a
 * shared string), so each text is looked up once and every row after costs one Map lookup, not
 * one per check: on 120,000 rows, Maps keyed by thousands of IDs were most of the reading time.
 */
interface RiskEntry {
  readonly key: string;
  /** On the Risks sheet, or there is no Risks sheet to check against. */
  readonly known: boolean;
  /** The risk's row on Risks, when that row has no error. */
  readonly risk: Risk | undefined;
  /** The first row assessing the risk in each quarter. */
  readonly firstRows: FirstRows;
  /** Worked out for the first row that needs it. */
  life?: RiskLife;
}

/**
 * The first row assessing a risk in each quarter. A risk has a dozen or so quarters: two short
 * arrays instead of a Map per risk, whose tables were a tenth of all that reading allocated. A
 * risk named on more rows than a register could mean (a pasted-over sheet) gets a Map.
 */
class FirstRows {
  private readonly quarters: number[] = [];
  private readonly rows: number[] = [];
  private byQuarter: Map<number, number> | undefined;

  /** The row that first assessed quarter `index`; undefined when none did, and `row` is noted as the first. */
  claim(index: number, row: number): number | undefined {
    if (this.byQuarter) {
      const first = this.byQuarter.get(index);
      if (first === undefined) this.byQuarter.set(index, row);
      return first;
    }
    const { quarters, rows } = this;
    for (let i = quarters.length - 1; i >= 0; i--) if (quarters[i] === index) return rows[i];
    quarters.push(index);
    rows.push(row);
    if (quarters.length > FIRST_ROWS_IN_ARRAYS)
      this.byQuarter = new Map(quarters.map((quarter, i) => [quarter, rows[i]!]));
    return undefined;
  }
}

/** Past this many quarters (16 years) a risk's first rows move to a Map, so a search stays short. */
const FIRST_ROWS_IN_ARRAYS = 64;

function riskEntries(risks: RisksRead | undefined): (id: string) => RiskEntry {
  const byText = new Map<string, RiskEntry>();
  // Two spellings of one ID (`crr1`, `CRR1 `) share an entry, so a quarter assessed twice is found.
  const byKey = new Map<string, RiskEntry>();
  // Sheets list a risk's quarters together more often than not: the last ID is asked first.
  let lastId: string | undefined;
  let last: RiskEntry | undefined;
  return (id) => {
    if (id === lastId) return last!;
    let entry = byText.get(id);
    if (entry) {
      lastId = id;
      last = entry;
      return entry;
    }
    const key = riskIdKey(id);
    entry = byKey.get(key);
    if (!entry) {
      entry = {
        key,
        known: !risks?.knownIds || risks.knownIds.has(key),
        risk: risks?.validIds.get(key),
        firstRows: new FirstRows(),
      };
      byKey.set(key, entry);
    }
    byText.set(id, entry);
    lastId = id;
    last = entry;
    return entry;
  };
}

/** The quarters a risk was raised and closed in. */
function lifeOf(risk: Risk, calendar: FiscalCalendar): RiskLife {
  const closedOn = hasLeftRegister(risk.status) ? risk.dateClosed : undefined;
  return {
    raised: risk.dateRaised ? quarterOfDate(risk.dateRaised, calendar) : undefined,
    closed: closedOn ? quarterOfDate(closedOn, calendar) : undefined,
  };
}

/** An assessment for a quarter after a Closed risk's closed quarter, or before its raised one, warns at the Quarter cell. */
function isStray(
  check: Check,
  context: AssessmentsContext,
  entry: RiskEntry,
  risk: Risk,
  quarter: Quarter,
): boolean {
  const life = (entry.life ??= lifeOf(risk, context.calendar));
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
  context: AssessmentsContext,
  quarter: Quarter,
  when: string,
  edge: Quarter,
): void {
  check.warning(
    context.quarterColumn,
    `${formatQuarter(quarter, context.calendar)} is ${when} in ${formatQuarter(edge, context.calendar)}`,
  );
}

/** The risk the row names; an error when its ID is missing or not on the Risks sheet. */
function readRiskId(
  check: Check,
  { risksSheet, entryOf, riskIdColumn: column }: AssessmentsContext,
): RiskEntry | undefined {
  const value = check.reader.valueAt(column);
  if (isErrorCell(value)) return undefined;
  const id = cellText(value);
  const fault = idFault(value, 'risk ID');
  if (id === '') check.error(column, 'missing risk ID');
  else if (fault) check.error(column, fault);
  else {
    const entry = entryOf(id);
    if (entry.known) return entry;
    check.error(column, `risk ID ${shownId(id)} is not on the ${risksSheet} sheet`);
  }
  return undefined;
}

function readQuarter(check: Check, context: AssessmentsContext): Quarter | undefined {
  const column = context.quarterColumn;
  const value = check.reader.valueAt(column);
  if (isErrorCell(value)) return undefined;
  if (isBlankValue(value)) {
    check.error(column, 'quarter is missing');
    return undefined;
  }
  // Only a number can be one (the example is made only then: this runs for every row).
  const notAQuarter =
    typeof value === 'number' ? notAQuarterNumber(value, quarterExample(context.calendar)) : undefined;
  if (notAQuarter) {
    check.error(column, notAQuarter);
    return undefined;
  }
  const quarter = context.readQuarter(value);
  const readings =
    !quarter && typeof value === 'string' ? ambiguousQuarter(value, context.calendar) : undefined;
  if (readings) {
    const [one, other] = readings.map((q) => formatQuarter(q, context.calendar));
    check.error(
      column,
      `quarter ${quotedCellText(value)} is ambiguous: ${one} or ${other}; write it in full`,
    );
  } else if (!quarter) {
    check.error(
      column,
      `quarter ${quotedCellText(value)} is not a quarter label (${quarterExample(context.calendar)}) or a date`,
    );
  }
  return quarter;
}

/** A risk has at most one assessment a quarter. */
function checkOnePerQuarter(
  check: Check,
  context: AssessmentsContext,
  entry: RiskEntry,
  quarter: Quarter,
): void {
  const first = entry.firstRows.claim(quarterIndex(quarter), check.row);
  if (first === undefined) return;
  check.error(
    context.quarterColumn,
    `${shownId(cellText(check.reader.valueAt(context.riskIdColumn)))} already has an assessment for ${formatQuarter(quarter, context.calendar)} on row ${first + 1}`,
  );
}
