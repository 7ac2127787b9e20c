/**
 * Row heights for wrapped text. Spreadsheet files store a row's height; clients do not
 * re-measure wrapped text on open (LibreOffice keeps the default 15 pt and overlaps lines),
 * so the layout estimates the height from the text and the column widths.
 */
import type { PlanCell } from './sheet-plan.ts';

/** Excel's maximum row height in points. */
export const ROW_HEIGHT_MAX = 409;
const ROW_HEIGHT_MIN = 15;
const DEFAULT_FONT_SIZE = 11;
/** A column of width w holds about w characters of 11 pt Calibri; smaller type fits more. */
const CHARACTERS_PER_WIDTH_UNIT = 1.4;
const LINE_SPACING = 1.3;

/** Lines a text needs in a column `width` characters wide at `fontSize` points. */
function wrappedLineCount(text: string, width: number, fontSize = DEFAULT_FONT_SIZE): number {
  const perLine = Math.max(1, Math.floor((width * CHARACTERS_PER_WIDTH_UNIT * DEFAULT_FONT_SIZE) / fontSize));
  // Paragraph by paragraph without splitting: this runs for every wrapped cell of a register.
  let lines = 0;
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    const length = (end < 0 ? text.length : end) - start;
    lines += Math.max(1, Math.ceil(length / perLine));
    if (end < 0) return lines;
    start = end + 1;
  }
}

function lineCount(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

/** Height in points for a row whose cells wrap, capped at the most a row can be. */
function wrappedRowHeight(row: readonly PlanCell[], widths: readonly number[]): number {
  let height = ROW_HEIGHT_MIN;
  for (let column = 0; column < row.length; column++) {
    const cell = row[column];
    // A hole in a sparse row is no cell.
    if (!cell || typeof cell.value !== 'string' || cell.value === '') continue;
    const fontSize = cell.style?.fontSize ?? DEFAULT_FONT_SIZE;
    const lines = cell.style?.wrap
      ? wrappedLineCount(cell.value, widths[column] ?? 10, fontSize)
      : lineCount(cell.value);
    height = Math.max(height, Math.ceil(lines * fontSize * LINE_SPACING + 4));
  }
  return Math.min(height, ROW_HEIGHT_MAX);
}

/** Heights for rows `from`.. of a grid, keyed by 0-based row as `SheetPlan.rowHeights` wants. */
export function wrappedRowHeights(
  rows: readonly (readonly PlanCell[])[],
  widths: readonly number[],
  from = 0,
): Record<number, number> {
  const heights: Record<number, number> = {};
  for (let r = from; r < rows.length; r++) {
    const height = wrappedRowHeight(rows[r]!, widths);
    if (height > ROW_HEIGHT_MIN) heights[r] = height;
  }
  return heights;
}
