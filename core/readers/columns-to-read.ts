/**
 * Which columns of a data sheet a job reads, decided from the sheet's top rows, so a host that
 * streams a sheet (the CLI's .xlsx reader) keeps only those below them: memory then follows the
 * cells the register uses, not a wide sheet's every note column.
 */
import type { SheetGrid } from '../cells/cell.ts';
import { sameSheetName } from '../layout/sheet-name.ts';
import {
  ASSESSMENT_COLUMNS,
  ASSESSMENTS_SHEET_NAME,
  HEADER_SEARCH_ROWS,
  RISK_COLUMNS,
  RISKS_SHEET_NAME,
  locateColumns,
  type ColumnSpec,
} from './headers.ts';
import { hasMissingRequired } from './row-reader.ts';

/** Top rows a host keeps whole: the header search may start below a blank or title row. */
export const TOP_ROWS_KEPT = 2 * HEADER_SEARCH_ROWS;

/**
 * The columns of `top` (a sheet's top TOP_ROWS_KEPT rows, named as the sheet) that the readers
 * read below them; undefined to keep every column (any other sheet, or one whose header row is
 * not found there, which is reported from the whole sheet anyway).
 */
export function columnsToRead(top: SheetGrid): ReadonlySet<number> | undefined {
  const name = typeof top.name === 'string' ? top.name : '';
  if (sameSheetName(name, RISKS_SHEET_NAME)) return located(top, RISK_COLUMNS);
  if (sameSheetName(name, ASSESSMENTS_SHEET_NAME)) return located(top, ASSESSMENT_COLUMNS);
  return undefined;
}

function located<K extends string>(
  top: SheetGrid,
  specs: readonly ColumnSpec<K>[],
): ReadonlySet<number> | undefined {
  const { columns } = locateColumns(top, specs);
  if (hasMissingRequired(columns, specs)) return undefined;
  return new Set(columns.values());
}
