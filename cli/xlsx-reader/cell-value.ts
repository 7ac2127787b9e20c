// Turns one stored cell (its type, style and `<v>` text) into a core CellValue.
import { dateCell, errorCell, type CellValue } from '../../core/index.ts';
import { ShownDigits, type CellStyles } from './cell-styles.ts';
import { decodeOoxmlEscapes } from './ooxml-escapes.ts';
import { isoDateText, serialToIso } from './serial-dates.ts';
import { UNCALCULATED_FORMULA } from './uncalculated-formula.ts';

/** What a cell's value depends on besides the cell: the workbook's tables and date system. */
export interface CellContext {
  readonly sharedStrings: readonly string[];
  readonly styles: CellStyles;
  readonly date1904: boolean;
}

/** Text cells: the empty string is an empty cell, as in readSheetGrid. */
function text(value: string | undefined): CellValue {
  return value === undefined || value === '' ? null : value;
}

/**
 * The value a user sees in a cell of type `type` (`t`) and style `style` (`s`), whose `<v>` text
 * is `raw` (undefined: no `<v>`) and `<is>` text `inline`; for a formula, the result cached in
 * the file. A formula with no cached result is UNCALCULATED_FORMULA. openpyxl writes an empty
 * `<v/>` after such a formula, so an empty `<v>` counts as none too, except on `t="str"`, where it
 * is a formula that really did calculate to "". (Plain arguments, not an object: this runs once
 * per cell, and a sheet can have millions.)
 */
export function cellValue(
  type: string | undefined,
  style: number,
  raw: string | undefined,
  hasFormula: boolean,
  inline: string | undefined,
  context: CellContext,
): CellValue {
  // Some writers put <is> on a cell without t="inlineStr"; the <is> still says what it holds.
  if (type === 'inlineStr' || (inline !== undefined && raw === undefined)) {
    return text(inline ?? decodeOoxmlEscapes(raw ?? ''));
  }
  if (hasFormula && (raw === undefined || (raw === '' && type !== 'str'))) return UNCALCULATED_FORMULA;
  if (raw === undefined) return null;
  switch (type) {
    case 's':
      return text(context.sharedStrings[Number(raw)]);
    case 'str':
      return text(decodeOoxmlEscapes(raw));
    case 'b':
      return raw.trim() === '1' || raw.trim().toLowerCase() === 'true';
    case 'e':
      return raw.trim() === '' ? null : errorCell(raw.trim());
    case 'd':
      return isoDateText(raw) !== undefined ? dateCell(isoDateText(raw)!) : text(raw);
    default:
      return numberValue(raw, style, context);
  }
}

/** A `t="n"` cell: a date, ID text or the number, as its style's number format shows it. */
function numberValue(raw: string, style: number, context: CellContext): CellValue {
  if (raw.trim() === '') return null;
  const number = Number(raw);
  // Not a number at all: keep what was written rather than lose it.
  if (Number.isNaN(number)) return raw;
  if (!Number.isFinite(number)) return errorCell('#NUM!');
  return numberCell(number, style, context);
}

/** A finite number in a cell of style `style`, as its number format shows it (the scanner's path for plain digits). */
export function numberCell(number: number, style: number, context: CellContext): CellValue {
  const display = context.styles[style] ?? 'number';
  if (display === 'number' || display instanceof ShownDigits) return number;
  if (display === 'date') {
    const iso = serialToIso(number, context.date1904);
    return iso === undefined ? number : dateCell(iso);
  }
  return display(number) ?? number;
}
