/**
 * A cell as text, said once: how readers compare a cell, and how messages quote it.
 * Anything a host should not have handed over reads as blank rather than throwing.
 */
import { isDateCell, isErrorCell } from './cell.ts';

/**
 * Text of a cell (any `CellValue`, or anything else, which reads as '') as a user would read it: text trimmed, numbers as typed, booleans as
 * TRUE/FALSE, dates as ISO, errors by their code.
 * @example cellText(' Open ') // 'Open'
 * @example cellText(true) // 'TRUE'
 * @example cellText({ kind: 'date', iso: '2022-08-15' }) // '2022-08-15'
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDateCell(value)) return typeof value.iso === 'string' ? value.iso : '';
  if (isErrorCell(value)) return typeof value.code === 'string' && value.code !== '' ? value.code : '#ERROR';
  return '';
}

/**
 * A cell as a message quotes it: text and dates in quotes, numbers and booleans as they are.
 * @example quotedCellText('abc') // '"abc"'
 * @example quotedCellText(2.5) // '2.5'
 */
export function quotedCellText(value: unknown): string {
  return typeof value === 'string' || isDateCell(value) ? `"${cellText(value)}"` : cellText(value);
}
