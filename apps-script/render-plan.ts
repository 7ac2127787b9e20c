// Renders a core SheetPlan into a new, empty Sheets sheet in a fixed number of calls.
import { fixedRowHeights, sizeRuns, type SheetPlan } from '../core/index.ts';
import type { SheetApi, SpreadsheetAppApi } from './sheets-api.ts';
import { applyConditionalFormats, applyValidations } from './sheet-rules.ts';
import { writeBlock, type BlockContext } from './write-block.ts';

/** A plan width counts characters; Sheets sizes columns in pixels. */
const PIXELS_PER_CHARACTER = 7;
const COLUMN_PADDING = 5;
/** A plan height is in points; Sheets sizes rows in pixels. */
const PIXELS_PER_POINT = 4 / 3;

/** Rows and columns the plan reaches with cells, sizes, merges or rules. */
function extent(plan: SheetPlan): { rows: number; columns: number } {
  let rows = plan.cells.length;
  let columns = Math.max(plan.columnWidths.length, ...plan.cells.map((row) => row.length));
  for (const r of [
    ...plan.merges,
    ...plan.validations.map((v) => v.range),
    ...plan.conditionalFormats.map((f) => f.range),
  ]) {
    rows = Math.max(rows, r.bottom + 1);
    columns = Math.max(columns, r.right + 1);
  }
  for (const row of Object.keys(plan.rowHeights ?? {})) rows = Math.max(rows, Number(row) + 1);
  // Sheets keeps at least one row and column outside the frozen panes.
  return {
    rows: Math.max(rows, plan.frozenRows + 1, 1),
    columns: Math.max(columns, plan.frozenColumns + 1, 1),
  };
}

/** The sheet sized to the plan: one call per dimension, whatever the plan's size. */
function resize(sheet: SheetApi, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  else if (rows < maxRows) sheet.deleteRows(rows + 1, maxRows - rows);
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  else if (columns < maxColumns) sheet.deleteColumns(columns + 1, maxColumns - columns);
}

/**
 * Writes the plan into `sheet`, which must be new and empty. The print setup is left out:
 * SpreadsheetApp has no page setup (Sheets asks in its print dialog); frozen header rows
 * repeat on every printed page there by default.
 */
export function renderPlan(
  sheet: SheetApi,
  plan: SheetPlan,
  app: SpreadsheetAppApi,
  context: BlockContext,
): void {
  const size = extent(plan);
  resize(sheet, size.rows, size.columns);
  writeBlock(sheet, 0, 0, plan.cells, context);
  for (const m of plan.merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    sheet.getRange(m.top + 1, m.left + 1, m.bottom - m.top + 1, m.right - m.left + 1).merge();
  }
  const widths = plan.columnWidths.map(
    (width, column) =>
      [column + 1, Math.round(width * PIXELS_PER_CHARACTER + COLUMN_PADDING)] as [number, number],
  );
  for (const run of sizeRuns(widths)) sheet.setColumnWidths(run.start, run.count, run.size);
  const heights = fixedRowHeights(plan).map(
    ([row, height]) => [row + 1, Math.round(height * PIXELS_PER_POINT)] as [number, number],
  );
  for (const run of sizeRuns(heights)) sheet.setRowHeights(run.start, run.count, run.size);
  if (plan.frozenRows > 0) sheet.setFrozenRows(plan.frozenRows);
  if (plan.frozenColumns > 0) sheet.setFrozenColumns(plan.frozenColumns);
  if (plan.tabColour) sheet.setTabColor(plan.tabColour);
  applyValidations(sheet, app, plan.validations);
  if (plan.conditionalFormats.length > 0) applyConditionalFormats(sheet, app, plan.conditionalFormats);
}
