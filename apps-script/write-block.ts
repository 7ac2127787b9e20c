// Writes a block of plan cells with one call per attribute: values, formulas, formats, fonts, borders.
import {
  DEFAULT_DATE_FORMAT,
  a1Range,
  formulaText,
  isDateCell,
  type PlanCell,
  type PlanValue,
} from '../core/index.ts';
import type { SheetApi } from './sheets-api.ts';

/** What a block needs from its host beyond the sheet: Dates in the spreadsheet's zone. */
export interface BlockContext {
  readonly dateOf: (iso: string) => Date;
}

/** Sheets' automatic format. */
/** Sheets' automatic number format, which a formula's result needs (text would keep it as text). */
export const AUTOMATIC = 'General';
/** Sheets' default font size; the plan leaves it out for body text. */
const DEFAULT_FONT_SIZE = 10;
const MONTH_FIRST =
  /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s,/-]*\d{1,4}(?:[\s,/-]+\d{1,4})*$/i;

/**
 * True for text Sheets might read as something else when written with setValues: a formula
 * (`=`), a number or sign (`+1`, `-1`, `.5`, `£5`, `(5)`, `50%`), a date (`1/2/2022`,
 * `Mar 2022`), a boolean, a smart chip (`@name`), or text that already starts with an
 * apostrophe. Text starting with a letter otherwise stays text.
 */
export function sheetsMayParse(text: string): boolean {
  if (text === '') return false;
  if (!/^\p{L}/u.test(text)) return true;
  return /^(true|false)$/i.test(text.trim()) || MONTH_FIRST.test(text.trim());
}

/**
 * True when the cell's `@` (plain text) format keeps its text as typed. Whether Sheets strips a
 * leading apostrophe in a text-formatted cell is not documented, so text that starts with one
 * is written under the automatic format with its own protecting apostrophe instead.
 */
function textFormatKeeps(cell: PlanCell | undefined): boolean {
  return cell?.style?.numberFormat === '@' && !(typeof cell.value === 'string' && cell.value.startsWith("'"));
}

function numberFormatOf(cell: PlanCell | undefined): string {
  const format = cell?.style?.numberFormat;
  if (format === '@') return textFormatKeeps(cell) ? '@' : AUTOMATIC;
  return format ?? (cell && isDateCell(cell.value) ? DEFAULT_DATE_FORMAT : AUTOMATIC);
}

function isFormula(value: PlanValue): value is { readonly formula: string } {
  return typeof value === 'object' && value !== null && 'formula' in value;
}

/**
 * The value setValues() gets. Text Sheets could parse is protected by one leading apostrophe
 * (Sheets stores the text without it), except in a cell the plan formats `@`, which already
 * keeps text as typed: one protection, never both.
 */
function sheetsValue(cell: PlanCell | undefined, context: BlockContext): unknown {
  const value = cell?.value ?? null;
  if (value === null || isFormula(value)) return '';
  if (typeof value === 'string') {
    if (textFormatKeeps(cell) || !sheetsMayParse(value)) return value;
    return `'${value}`;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`${value} is not a number a sheet can hold.`);
    return value;
  }
  if (typeof value === 'boolean') return value;
  return context.dateOf(value.iso);
}

/** Rectangles (0-based, inclusive, relative to the block) covering the cells `take` picks. */
export function rectangles(
  rows: readonly (readonly PlanCell[])[],
  width: number,
  take: (cell: PlanCell) => boolean,
) {
  // Runs per column, then neighbouring columns with the same run merge: a column of formulas
  // or a bordered table is one rectangle however many rows it has.
  const runs: { top: number; bottom: number; left: number; right: number }[] = [];
  for (let c = 0; c < width; c++) {
    let start = -1;
    for (let r = 0; r <= rows.length; r++) {
      const cell = rows[r]?.[c];
      const taken = cell !== undefined && take(cell);
      if (taken && start < 0) start = r;
      if (!taken && start >= 0) {
        const previous = runs.find((run) => run.right === c - 1 && run.top === start && run.bottom === r - 1);
        if (previous) previous.right = c;
        else runs.push({ top: start, bottom: r - 1, left: c, right: c });
        start = -1;
      }
    }
  }
  return runs;
}

/**
 * Writes `cells` with (top, left) 0-based as the block's top-left. Every attribute is written for
 * the whole block, so the number of calls does not depend on how many rows it has: number
 * formats first (a text format must be in place before the values arrive), then values, then
 * formulas per rectangle of formula cells, then fonts, fills, alignment and borders.
 */
export function writeBlock(
  sheet: SheetApi,
  top: number,
  left: number,
  cells: readonly (readonly PlanCell[])[],
  context: BlockContext,
): void {
  const height = cells.length;
  const width = Math.max(0, ...cells.map((row) => row.length));
  if (height === 0 || width === 0) return;
  const grid = <T>(fn: (cell: PlanCell | undefined) => T): T[][] =>
    cells.map((row) => Array.from({ length: width }, (_, c) => fn(row[c])));

  const range = sheet.getRange(top + 1, left + 1, height, width);
  range.setNumberFormats(grid(numberFormatOf));
  range.setValues(grid((cell) => sheetsValue(cell, context)));
  for (const rect of rectangles(cells, width, (cell) => isFormula(cell.value))) {
    const formulas: string[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: string[] = [];
      for (let c = rect.left; c <= rect.right; c++) {
        const value = cells[r]![c]!.value as { formula: string };
        row.push(formulaText(value.formula));
      }
      formulas.push(row);
    }
    sheet
      .getRange(top + rect.top + 1, left + rect.left + 1, formulas.length, formulas[0]!.length)
      .setFormulas(formulas);
  }
  range.setFontWeights(grid((cell) => (cell?.style?.bold ? 'bold' : null)));
  range.setFontStyles(grid((cell) => (cell?.style?.italic ? 'italic' : null)));
  range.setFontColors(grid((cell) => cell?.style?.fontColour ?? null));
  range.setFontSizes(grid((cell) => cell?.style?.fontSize ?? DEFAULT_FONT_SIZE));
  range.setBackgrounds(grid((cell) => cell?.style?.fill ?? null));
  range.setWraps(grid((cell) => cell?.style?.wrap ?? false));
  range.setHorizontalAlignments(grid((cell) => cell?.style?.horizontal ?? null));
  range.setVerticalAlignments(grid((cell) => cell?.style?.vertical ?? null));
  const bordered = rectangles(cells, width, (cell) => cell.style?.border === true);
  if (bordered.length > 0) {
    const a1s = bordered.map((b) => a1Range(top + b.top, left + b.left, top + b.bottom, left + b.right));
    sheet.getRangeList(a1s).setBorder(true, true, true, true, true, true);
  }
}
