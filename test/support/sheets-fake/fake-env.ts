// What every fake object shares: the one call counter, the vm realm's Date and the zone.
import { columnIndex, columnLetter } from '../../../core/index.ts';
import type { FakeCustomFunction } from './calculation.ts';

export interface CallCounter {
  /** Every call on a Spreadsheet, Sheet, Range or RangeList object. */
  count: number;
  /** The same calls by `Class.method`, to see where they go. */
  readonly byMethod: Map<string, number>;
}

export interface FakeEnv {
  readonly calls: CallCounter;
  /** The Date constructor of the realm the script runs in: Dates cross into it, never from outside. */
  readonly Date: DateConstructor;
  readonly timeZone: string;
  /** What getValues() shows for a formula cell (Sheets would calculate it); '' by default. */
  readonly formulaValue: (formula: string) => string | number | boolean;
  /**
   * Custom functions by upper-case name (the script's RISKSCORE…): cells calling them are
   * calculated as Sheets would, arrays spilling (calculation.ts); other formulas use formulaValue.
   */
  readonly customFunctions: Map<string, FakeCustomFunction>;
  /** Sheets being calculated now: a formula reading one of them sees its stored values. */
  readonly calculating: Set<unknown>;
}

export function count(env: FakeEnv, method: string): void {
  env.calls.count += 1;
  env.calls.byMethod.set(method, (env.calls.byMethod.get(method) ?? 0) + 1);
}

/** `B2:C10` or `B2` (no sheet, no `$`) as 1-based row, column and size. */
export function parseA1(a1: string): { row: number; column: number; numRows: number; numColumns: number } {
  const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(a1.replace(/\$/g, ''));
  if (!match) throw new Error(`fake: ${JSON.stringify(a1)} is not an A1 range this fake reads`);
  const row = Number(match[2]);
  const column = columnIndex(match[1]!) + 1;
  const lastRow = match[4] ? Number(match[4]) : row;
  const lastColumn = match[3] ? columnIndex(match[3]) + 1 : column;
  return {
    row: Math.min(row, lastRow),
    column: Math.min(column, lastColumn),
    numRows: Math.abs(lastRow - row) + 1,
    numColumns: Math.abs(lastColumn - column) + 1,
  };
}

export function a1Of(row: number, column: number, numRows: number, numColumns: number): string {
  const start = `${columnLetter(column - 1)}${row}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${columnLetter(column + numColumns - 2)}${row + numRows - 1}`;
}
