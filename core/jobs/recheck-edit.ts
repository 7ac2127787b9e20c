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
import { issueCountText } from '../issues/messages.ts';
import {
  assessmentsSheetRules,
  dataRowSpan,
  riskIdRangeReference,
  risksSheetRules,
} from '../layout/data-sheet-rules.ts';
import type { CellRange } from '../layout/sheet-plan.ts';
import { SCORING_SHEET_NAME } from '../matrix/scoring-sheet.ts';
import type { JobOutcome } from '../ports/host-ui.ts';
import type { SheetBlock, SheetRules, WorkbookPort } from '../ports/workbook-port.ts';
import { sameSheetName } from '../ports/workbook-port.ts';
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
import { matrixFromWorkbook } from './matrix-from-workbook.ts';

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
/** The last row a host may have; a host clips a range to its used range. */
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
  if (!header || !rows) return NOTHING;
  const risksLocated = risksHeader ? locateColumns(risksHeader, RISK_COLUMNS) : undefined;
  const idColumn = risksLocated?.columns.get('id');
  const [ids] =
    risksLocated && idColumn !== undefined
      ? await port.read([
          {
            sheet: RISKS_SHEET_NAME,
            range: { top: risksLocated.headerRow + 1, left: idColumn, bottom: LAST_ROW, right: idColumn },
          },
        ])
      : [undefined];

  const { matrix, issues: matrixIssues } = matrixFromWorkbook(scoring, settings.matrix);
  if (hasErrors(matrixIssues)) return NOTHING;
  const located = onRisks ? locateColumns(header, RISK_COLUMNS) : locateColumns(header, ASSESSMENT_COLUMNS);
  const firstData = Math.max(edit.range.top, located.headerRow + 1);
  if (firstData > edit.range.bottom) return NOTHING;

  const edited = editedGrid(header, rows, located.headerRow, firstData, edit.range.bottom);
  const idRows =
    idColumn !== undefined && risksLocated
      ? idGrid(risksHeader!, risksLocated.headerRow, idColumn, ids)
      : undefined;
  const read = readRegisterSheets(
    onRisks ? { risks: edited.grid } : { risks: idRows?.grid, assessments: edited.grid },
    { matrix, calendar: settings.calendar },
  );
  const inEdit = read.issues.filter((issue) => sameSheetName(issue.sheet, edit.sheet) && edited.has(issue));
  const duplicates =
    onRisks && idColumn !== undefined ? earlierDuplicates(edited.grid, firstData, idColumn, ids) : [];
  const issues = [...inEdit, ...duplicates];

  const span = { top: firstData, bottom: edit.range.bottom };
  const idSpan = dataRowSpan(
    risksLocated?.headerRow ?? 0,
    (risksLocated?.headerRow ?? 0) + 1 + (ids?.rows.length ?? 0),
  );
  const rules: SheetRules = onRisks
    ? risksSheetRules({
        located: locateColumns(header, RISK_COLUMNS),
        width: header.rows[located.headerRow]?.length ?? 0,
        span,
        idSpan,
      })
    : assessmentsSheetRules({
        located: locateColumns(header, ASSESSMENT_COLUMNS),
        span,
        matrix,
        ...(idColumn !== undefined ? { riskIdRange: riskIdRangeReference(idColumn, idSpan) } : {}),
      });
  const restored: SheetRules = { validations: rules.validations, conditionalFormats: [] };
  await port.applyRules(header.name, restored);

  const outcome: JobOutcome = {
    headline: issues.length === 0 ? '' : `${edit.sheet}: ${issueCountText(issues)} in the edited cells`,
    details: [],
    issues,
    failed: hasErrors(issues),
  };
  return { issues, rulesRestored: restored.validations.length, outcome };
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
      issues.push(
        issueError(
          edited.name,
          a1(r, idColumn),
          `duplicate ID ${shownId(id)}: row ${earlier + 1} already uses it`,
        ),
      );
    }
  }
  return issues;
}
