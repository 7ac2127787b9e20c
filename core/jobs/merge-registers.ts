/**
 * The roll-up of registers (PRODUCT §8, `risk-register merge`): departmental register workbooks
 * combined into one, so a corporate team generates one quarterly register over all of them.
 * Columns are matched by header as every reader matches them and written under their canonical
 * headers; each risk gains a `Register` column saying where it came from; with `prefixFromFile`
 * every ID is prefixed with its register's name, so IDs stay unique. An ID two registers both
 * define is an error at the later one's cell. Pure: the host reads the files and writes the result.
 */
import type { CellValue, SheetGrid } from '../cells/cell.ts';
import { a1, isBlank, isDateCell, isErrorCell } from '../cells/cell.ts';
import { cellText } from '../cells/cell-text.ts';
import { normaliseHeader } from '../cells/header-key.ts';
import type { Issue } from '../issues/issue.ts';
import { issueError, issueWarning } from '../issues/issue.ts';
import type { DataSheetContent } from '../layout/data-sheets.ts';
import type { RiskMatrix } from '../matrix/matrix.ts';
import type { ColumnSpec } from '../readers/headers.ts';
import {
  ASSESSMENT_COLUMNS,
  ASSESSMENTS_SHEET_NAME,
  RISK_COLUMNS,
  RISKS_SHEET_NAME,
  locateColumns,
} from '../readers/headers.ts';
import { ACTION_COLUMNS, ACTIONS_SHEET_NAME } from '../readers/read-actions.ts';
import { riskIdKey, shownId } from '../readers/risk-id.ts';
import type { WorkbookSheets } from '../ports/read-data-sheets.ts';
import { matrixFromWorkbook } from '../matrix/matrix-from-workbook.ts';

export interface RegisterFile {
  /** How messages name the file, e.g. `finance.xlsx`. */
  readonly file: string;
  /** The register's name: the `Register` column's value and, when prefixing, the ID prefix (`Finance`). */
  readonly register: string;
  readonly sheets: WorkbookSheets;
}

export interface MergeOptions {
  /** Prefix every ID with its register's name (`Finance-CRR1`), so registers that reuse IDs can merge. */
  readonly prefixFromFile: boolean;
}

/** An issue in one of the files merged. */
export interface MergeIssue extends Issue {
  readonly file: string;
}

export interface MergedRegister {
  /** The merged Risks, Assessments and (when any file has one) Actions rows, header row first. */
  readonly content: DataSheetContent;
  /** The matrix of the first file with a Scoring sheet (the default when none has). */
  readonly matrix?: RiskMatrix;
  readonly issues: readonly MergeIssue[];
}

const REGISTER_HEADER = 'Register';

/** One sheet kind's merged table: columns by key (known) or normalised header (others), rows appended file by file. */
class MergedSheet {
  readonly headers: string[] = [];
  private readonly columnOf = new Map<string, number>();
  readonly rows: CellValue[][] = [];

  column(key: string, header: string): number {
    let column = this.columnOf.get(key);
    if (column === undefined) {
      column = this.headers.length;
      this.columnOf.set(key, column);
      this.headers.push(header);
    }
    return column;
  }

  grid(): CellValue[][] {
    const width = this.headers.length;
    return [
      [...this.headers],
      ...this.rows.map((row) => [...row, ...new Array<CellValue>(width - row.length).fill(null)]),
    ];
  }
}

interface SheetKind {
  readonly name: string;
  readonly specs: readonly ColumnSpec[];
  /** The key of the column holding a risk ID (prefixed when asked). */
  readonly idKey: string;
  readonly pick: (sheets: WorkbookSheets) => SheetGrid | undefined;
}

const RISKS: SheetKind = { name: RISKS_SHEET_NAME, specs: RISK_COLUMNS, idKey: 'id', pick: (s) => s.risks };
const ASSESSMENTS: SheetKind = {
  name: ASSESSMENTS_SHEET_NAME,
  specs: ASSESSMENT_COLUMNS,
  idKey: 'riskId',
  pick: (s) => s.assessments,
};
const ACTIONS: SheetKind = {
  name: ACTIONS_SHEET_NAME,
  specs: ACTION_COLUMNS,
  idKey: 'riskId',
  pick: (s) => s.actions,
};

/**
 * @example mergeRegisters([{ file: 'a.xlsx', register: 'a', sheets: a }, { file: 'b.xlsx', register: 'b', sheets: b }], { prefixFromFile: false }).issues
 * // [{ file: 'b.xlsx', severity: 'error', sheet: 'Risks', cell: 'A2', message: 'ID CRR1 is also in a.xlsx (Risks!A2); …' }]
 */
export function mergeRegisters(files: readonly RegisterFile[], options: MergeOptions): MergedRegister {
  const issues: MergeIssue[] = [];
  const merged = { risks: new MergedSheet(), assessments: new MergedSheet(), actions: new MergedSheet() };
  // Every file's known columns first, in template order, so the merged sheets read like a template.
  for (const kind of [RISKS, ASSESSMENTS, ACTIONS]) {
    const sheet = kind === RISKS ? merged.risks : kind === ASSESSMENTS ? merged.assessments : merged.actions;
    const found = new Set<string>();
    for (const file of files) {
      const grid = kind.pick(file.sheets);
      if (grid) for (const key of locateColumns(grid, kind.specs).columns.keys()) found.add(key);
    }
    for (const spec of kind.specs)
      if (found.has(spec.key) || spec.required) sheet.column(spec.key, spec.header);
    if (kind === RISKS) sheet.column('register', REGISTER_HEADER);
  }

  const definedIn = new Map<string, { file: string; sheet: string; cell: string }>();
  const hasActions = files.some((file) => file.sheets.actions);
  let first: { file: string; matrix: RiskMatrix; spec: string } | undefined;
  for (const file of files) {
    const prefix = options.prefixFromFile ? `${file.register.replace(/\s+/g, '-')}-` : '';
    const at = (sheet: string, cell: string, message: string, severity: 'error' | 'warning' = 'error') =>
      issues.push({
        file: file.file,
        ...(severity === 'error' ? issueError : issueWarning)(sheet, cell, message),
      });
    if (!file.sheets.risks) at(RISKS_SHEET_NAME, 'A1', `the workbook has no ${RISKS_SHEET_NAME} sheet`);
    if (!file.sheets.assessments)
      at(ASSESSMENTS_SHEET_NAME, 'A1', `the workbook has no ${ASSESSMENTS_SHEET_NAME} sheet`);
    appendRows(file, RISKS, merged.risks, prefix, (id, row, column, sheet) => {
      const key = riskIdKey(id);
      const cell = a1(row, column);
      const earlier = definedIn.get(key);
      if (earlier)
        at(
          sheet,
          cell,
          `ID ${shownId(id)} is also in ${earlier.file} (${earlier.sheet}!${earlier.cell}); ` +
            (options.prefixFromFile
              ? 'two registers have the same name: rename one file'
              : 'merge with --prefix-from-file, or rename one'),
        );
      else if (key !== '') definedIn.set(key, { file: file.file, sheet, cell });
    });
    appendRows(file, ASSESSMENTS, merged.assessments, prefix);
    if (hasActions) appendRows(file, ACTIONS, merged.actions, prefix);

    if (file.sheets.scoring) {
      const { matrix, issues: matrixIssues } = matrixFromWorkbook(file.sheets.scoring);
      for (const issue of matrixIssues) issues.push({ file: file.file, ...issue });
      const spec = JSON.stringify(matrix.spec);
      if (!first) first = { file: file.file, matrix, spec };
      else if (spec !== first.spec)
        at(
          file.sheets.scoring.name,
          'A1',
          `this Scoring sheet differs from ${first.file}'s; the merged register is scored by ${first.file}'s`,
          'warning',
        );
    }
  }
  return {
    content: {
      risks: merged.risks.grid(),
      assessments: merged.assessments.grid(),
      ...(hasActions ? { actions: merged.actions.grid() } : {}),
    },
    ...(first ? { matrix: first.matrix } : {}),
    issues,
  };
}

/**
 * A file's data rows of one sheet, appended under the merged columns; the ID column prefixed,
 * and on Risks the Register column filled (a register merged before keeps its own).
 */
function appendRows(
  file: RegisterFile,
  kind: SheetKind,
  merged: MergedSheet,
  prefix: string,
  onId?: (id: string, row: number, column: number, sheet: string) => void,
): void {
  const grid = kind.pick(file.sheets);
  if (!grid) return;
  const located = locateColumns(grid, kind.specs);
  const targets = targetColumns(grid, located, kind, merged);
  const idColumn = located.columns.get(kind.idKey);
  const registerColumn = located.columns.get('register');
  for (let r = located.headerRow + 1; r < grid.rows.length; r++) {
    const source = grid.rows[r] ?? [];
    if (!source.some((value) => !isBlank(value))) continue;
    const out: CellValue[] = [];
    targets.forEach((target, column) => {
      if (target !== undefined) out[target] = source[column] ?? null;
    });
    for (let c = 0; c < out.length; c++) if (out[c] === undefined) out[c] = null;
    if (idColumn !== undefined) {
      const id = source[idColumn];
      const text = isBlank(id) || isDateCell(id) || isErrorCell(id) ? undefined : cellText(id);
      if (text !== undefined) {
        out[targets[idColumn]!] = `${prefix}${text}`;
        onId?.(`${prefix}${text}`, r, idColumn, grid.name);
      }
    }
    if (kind === RISKS && (registerColumn === undefined || isBlank(source[registerColumn])))
      out[merged.column('register', REGISTER_HEADER)] = file.register;
    merged.rows.push(out);
  }
}

/** For each column of the file's sheet, its merged column: known columns by key, others by header. */
function targetColumns(
  grid: SheetGrid,
  located: ReturnType<typeof locateColumns>,
  kind: SheetKind,
  merged: MergedSheet,
): (number | undefined)[] {
  const keyOfColumn = new Map([...located.columns].map(([key, column]) => [column, key]));
  const headers = grid.rows[located.headerRow] ?? [];
  let width = headers.length;
  for (const row of grid.rows) width = Math.max(width, row?.length ?? 0);
  const targets: (number | undefined)[] = [];
  for (let column = 0; column < width; column++) {
    const key = keyOfColumn.get(column);
    if (key !== undefined) {
      targets[column] = merged.column(key, kind.specs.find((spec) => spec.key === key)!.header);
      continue;
    }
    const header = cellText(headers[column] ?? null).trim();
    // A column with no header has nothing to be matched by; a repeated known header was warned about by the reader.
    const normal = normaliseHeader(header);
    targets[column] = normal === '' ? undefined : merged.column(`other:${normal}`, header);
  }
  return targets;
}
