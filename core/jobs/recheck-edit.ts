/**
 * The re-check after an edit or a paste (Sheets `onEdit`, Excel `onChanged`): the issues in the
 * edited rows, and the validation restored there (a paste wipes it). It reads the header rows,
 * the edited rows and the Risks ID column — a fixed number of port calls — so its cost follows
 * the edited cells, not the size of the sheet. Checks that need other rows of the same sheet
 * (two assessments of a risk for one quarter) see only the edited rows; Validate sees all.
 */
import type { CellValue, SheetGrid } from '../cells/cell.ts';
import { a1, parseA1 } from '../cells/cell.ts';
import type { Issue } from '../issues/issue.ts';
import { hasErrors, issueError } from '../issues/issue.ts';
import { duplicateIdText, issueCountText } from '../issues/messages.ts';
import {
  assessmentsSheetRules,
  dataRowSpan,
  riskIdRangeReference,
  risksSheetRules,
} from '../layout/data-sheet-rules.ts';
import type { RowSpan } from '../layout/data-sheet-rules.ts';
import type { CellRange } from '../layout/sheet-plan.ts';
import type { RiskMatrix } from '../matrix/matrix.ts';
import { SCORING_SHEET_NAME } from '../matrix/scoring-sheet.ts';
import type { JobOutcome } from '../ports/host-ui.ts';
import type { SheetBlock, SheetRules, WorkbookPort } from '../ports/workbook-port.ts';
import { sameSheetName } from '../layout/sheet-name.ts';
import {
  ASSESSMENT_COLUMNS,
  ASSESSMENTS_SHEET_NAME,
  HEADER_SEARCH_ROWS,
  RISK_COLUMNS,
  RISKS_SHEET_NAME,
  locateColumns,
} from '../readers/headers.ts';
import { readRegisterSheets } from '../readers/read-register.ts';
import { riskIdKey, shownId } from '../readers/risk-id.ts';
import type { JobSettings } from './job-settings.ts';
import { matrixFromWorkbook } from '../matrix/matrix-from-workbook.ts';

export interface EditedRange {
  readonly sheet: string;
  readonly range: CellRange;
}

export interface RecheckResult {
  /** Issues in the edited rows, as Validate would report them. */
  readonly issues: readonly Issue[];
  /** Validation rules written back over the edited rows. */
  readonly rulesRestored: number;
  readonly outcome: JobOutcome;
}

/** Rows read above the data to find the header row (a title block may sit above it). */
const HEADER_AREA: CellRange = { top: 0, left: 0, bottom: 2 * HEADER_SEARCH_ROWS - 1, right: 255 };
/** The last row (0-based) of the largest grid any host has, the .xlsx format's; ports clip to the used range. */
const LAST_ROW = 1_048_575;

const NOTHING: RecheckResult = {
  issues: [],
  rulesRestored: 0,
  outcome: { headline: '', details: [], issues: [], failed: false },
};

export async function recheckEdit(
  port: WorkbookPort,
  edit: EditedRange,
  settings: JobSettings,
): Promise<RecheckResult> {
  const onRisks = sameSheetName(edit.sheet, RISKS_SHEET_NAME);
  if (!onRisks && !sameSheetName(edit.sheet, ASSESSMENTS_SHEET_NAME)) return NOTHING;
  const around = await readAroundEdit(port, edit);
  if (!around) return NOTHING;
  const { matrix, issues: matrixIssues } = matrixFromWorkbook(around.scoring, settings.matrix);
  if (hasErrors(matrixIssues)) return NOTHING;
  const headerRow = locateColumns(around.header, onRisks ? RISK_COLUMNS : ASSESSMENT_COLUMNS).headerRow;
  const span: RowSpan = { top: Math.max(edit.range.top, headerRow + 1), bottom: edit.range.bottom };
  if (span.top > span.bottom) return NOTHING;

  const context = { around, span, headerRow, matrix, onRisks };
  const issues = issuesInEdit(context, edit.sheet, settings);
  const restored = validationsFor(context);
  await port.applyRules(around.header.name, restored);
  const outcome: JobOutcome = {
    headline: issues.length === 0 ? '' : `${edit.sheet}: ${issueCountText(issues)} in the edited cells`,
    details: [],
    issues,
    failed: hasErrors(issues),
  };
  return { issues, rulesRestored: restored.validations.length, outcome };
}

/** What the checks of an edit need, read in two port calls whatever the sheet's size. */
interface AroundEdit {
  readonly header: SheetBlock;
  readonly rows: SheetBlock;
  readonly scoring: SheetBlock | undefined;
  /** The Risks header and ID column, where the Risks sheet has an ID column. */
  readonly risks?: {
    readonly header: SheetBlock;
    readonly headerRow: number;
    readonly idColumn: number;
    readonly ids: SheetBlock | undefined;
  };
}

interface EditContext {
  readonly around: AroundEdit;
  /** The edited data rows (the header row excluded). */
  readonly span: RowSpan;
  readonly headerRow: number;
  readonly matrix: RiskMatrix;
  readonly onRisks: boolean;
}

/** The edited sheet's header rows and edited rows, the Scoring sheet, then the Risks ID column. */
async function readAroundEdit(port: WorkbookPort, edit: EditedRange): Promise<AroundEdit | undefined> {
  const editedRows: CellRange = {
    top: edit.range.top,
    left: 0,
    bottom: edit.range.bottom,
    right: Math.max(edit.range.right, HEADER_AREA.right),
  };
  const [header, rows, risksHeader, scoring] = await port.read([
    { sheet: edit.sheet, range: HEADER_AREA },
    { sheet: edit.sheet, range: editedRows },
    { sheet: RISKS_SHEET_NAME, range: HEADER_AREA },
    { sheet: SCORING_SHEET_NAME },
  ]);
  if (!header || !rows) return undefined;
  const risksLocated = risksHeader ? locateColumns(risksHeader, RISK_COLUMNS) : undefined;
  const idColumn = risksLocated?.columns.get('id');
  if (!risksHeader || !risksLocated || idColumn === undefined) return { header, rows, scoring };
  const idRange = { top: risksLocated.headerRow + 1, left: idColumn, bottom: LAST_ROW, right: idColumn };
  const [ids] = await port.read([{ sheet: RISKS_SHEET_NAME, range: idRange }]);
  return {
    header,
    rows,
    scoring,
    risks: { header: risksHeader, headerRow: risksLocated.headerRow, idColumn, ids },
  };
}

/** The issues Validate would report in the edited rows. */
function issuesInEdit(
  { around, span, headerRow, matrix, onRisks }: EditContext,
  sheet: string,
  settings: JobSettings,
): Issue[] {
  const edited = editedGrid(around.header, around.rows, headerRow, span.top, span.bottom);
  const { risks } = around;
  const idRows = risks ? idGrid(risks.header, risks.headerRow, risks.idColumn, risks.ids) : undefined;
  const read = readRegisterSheets(
    onRisks ? { risks: edited.grid } : { risks: idRows?.grid, assessments: edited.grid },
    { matrix, calendar: settings.calendar },
  );
  const inEdit = read.issues.filter((issue) => sameSheetName(issue.sheet, sheet) && edited.has(issue));
  const duplicates =
    onRisks && risks ? earlierDuplicates(edited.grid, span.top, risks.idColumn, risks.ids) : [];
  return [...inEdit, ...duplicates];
}

/** The validation of the edited rows, as Set up wrote it (a paste wipes it; conditional formats stay). */
function validationsFor({ around, span, headerRow, matrix, onRisks }: EditContext): SheetRules {
  const { header, risks } = around;
  const idSpan = dataRowSpan(
    risks?.headerRow ?? 0,
    (risks?.headerRow ?? 0) + 1 + (risks?.ids?.rows.length ?? 0),
  );
  const rules = onRisks
    ? risksSheetRules({
        located: locateColumns(header, RISK_COLUMNS),
        width: header.rows[headerRow]?.length ?? 0,
        span,
        idSpan,
      })
    : assessmentsSheetRules({
        located: locateColumns(header, ASSESSMENT_COLUMNS),
        span,
        matrix,
        ...(risks ? { riskIdRange: riskIdRangeReference(risks.idColumn, idSpan) } : {}),
      });
  return { validations: rules.validations, conditionalFormats: [] };
}

interface EditedGrid {
  readonly grid: SheetGrid;
  /** True for an issue in the edited rows. */
  has(issue: Issue): boolean;
}

/**
 * The header rows and the edited rows at their own row numbers, every other row a hole: the
 * readers skip a hole at once, and their messages (`on row 12`) name real rows.
 */
function editedGrid(
  header: SheetBlock,
  rows: SheetBlock,
  headerRow: number,
  first: number,
  last: number,
): EditedGrid {
  const grid: (readonly CellValue[])[] = new Array(last + 1);
  for (let r = 0; r <= headerRow; r++) grid[r] = header.rows[r] ?? [];
  for (let r = first; r <= last; r++) grid[r] = rows.rows[r - rows.top] ?? [];
  return {
    grid: { name: header.name, rows: grid },
    has(issue) {
      const at = parseA1(issue.cell);
      return at !== undefined && at.row >= first && at.row <= last;
    },
  };
}

/** A Risks sheet of the header and the IDs alone: what the Assessments reader checks risk IDs against. */
function idGrid(
  header: SheetBlock,
  headerRow: number,
  idColumn: number,
  ids: SheetBlock | undefined,
): { grid: SheetGrid } {
  const rows: (readonly CellValue[])[] = header.rows.slice(0, headerRow + 1);
  for (const row of ids?.rows ?? []) {
    const line: CellValue[] = new Array(idColumn + 1).fill(null);
    line[idColumn] = row[0] ?? null;
    rows.push(line);
  }
  return { grid: { name: header.name, rows } };
}

/** An edited ID that an earlier row of the Risks sheet already uses, as Validate reports it. */
function earlierDuplicates(
  edited: SheetGrid,
  first: number,
  idColumn: number,
  ids: SheetBlock | undefined,
): Issue[] {
  const firstRowOf = new Map<string, number>();
  (ids?.rows ?? []).forEach((row, i) => {
    const value = row[0];
    if (value === null || value === undefined || typeof value === 'object') return;
    const key = riskIdKey(String(value));
    if (key !== '' && !firstRowOf.has(key)) firstRowOf.set(key, (ids?.top ?? 0) + i);
  });
  const issues: Issue[] = [];
  for (let r = first; r < edited.rows.length; r++) {
    const value = edited.rows[r]?.[idColumn];
    if (value === null || value === undefined || typeof value === 'object') continue;
    const id = String(value).trim();
    const earlier = firstRowOf.get(riskIdKey(id));
    if (earlier !== undefined && earlier < r) {
      issues.push(issueError(edited.name, a1(r, idColumn), duplicateIdText(shownId(id), earlier)));
    }
  }
  return issues;
}
