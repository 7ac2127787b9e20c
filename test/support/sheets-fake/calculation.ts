// Sheets' calculation of custom-function formulas, for the formulas the toolkit writes: a call per
// cell (`=RISKSCORE(C2,D2,Scoring!$A$1:$K$31)`) or an array over a column in its header cell
// (`={"Score";RISKSCORE(C2:C,D2:D,…)}`), which spills down and shows #REF! when a value is in the way.
import { columnIndex } from '../../../core/index.ts';
import type { FakeCell } from './fake-cell.ts';

/** A custom function as Sheets calls it: each argument a value or a 2-D array of values. */
export type FakeCustomFunction = (...args: unknown[]) => unknown;

/** What calculation needs of a sheet: its cells, size, and the other sheets by name. */
export interface CalculatedSheet {
  readonly name: string;
  readonly maxRows: number;
  readonly maxColumns: number;
  /** `cells[row][column]`, sparse. */
  readonly cells: readonly (readonly (FakeCell | undefined)[] | undefined)[];
  peek(row: number, column: number): FakeCell | undefined;
}

/** What Sheets shows in one cell, 0-based, and where each array formula's spill reaches. */
export interface Calculation {
  /** Displayed values of formula cells and of the cells their arrays spill into, keyed `row,column`. */
  readonly shown: Map<string, unknown>;
  /** The last row (1-based) an array spills into, 0 when none. */
  readonly lastSpilledRow: number;
  readonly lastSpilledColumn: number;
}

const CALL = /^=\s*(?:\{\s*"((?:[^"]|"")*)"\s*;\s*)?([A-Za-z_][A-Za-z0-9_.]*)\((.*)\)\s*(\})?\s*$/s;
const REFERENCE =
  /^(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_]*)!)?\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})(?:\$?(\d+))?)?$/;

/** Splits an argument list at top-level commas (quoted sheet names may hold commas). */
function splitArguments(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last !== '' || out.length > 0) out.push(last);
  return out;
}

/** The toolkit's formula calling one of `functions`, parsed; undefined for any other formula. */
export function parseCall(
  formula: string,
  functions: ReadonlyMap<string, FakeCustomFunction>,
): { header?: string; name: string; args: string[] } | undefined {
  const match = CALL.exec(formula);
  if (!match) return undefined;
  const [, header, name, args, close] = match;
  if (!functions.has(name!.toUpperCase())) return undefined;
  if ((header === undefined) !== (close === undefined)) return undefined;
  return {
    ...(header !== undefined ? { header: header.replace(/""/g, '"') } : {}),
    name: name!.toUpperCase(),
    args: splitArguments(args!),
  };
}

/**
 * Calculates every custom-function formula of `sheet`. `valueAt` gives a cell's displayed value on
 * any sheet (so arguments may be other formulas' results); an open-ended range (`C2:C`) runs to
 * the sheet's last row. A thrown error shows `#ERROR!`; an array that would cover a cell holding
 * something shows `#REF!` and spills nothing, as in Sheets.
 */
export function calculateSheet(
  sheet: CalculatedSheet,
  functions: ReadonlyMap<string, FakeCustomFunction>,
  sheetNamed: (name: string) => CalculatedSheet | undefined,
  valueAt: (sheet: CalculatedSheet, row: number, column: number) => unknown,
): Calculation {
  const shown = new Map<string, unknown>();
  let lastSpilledRow = 0;
  let lastSpilledColumn = 0;
  const cells: { row: number; column: number; formula: string }[] = [];
  sheet.cells.forEach((cellRow, r) =>
    cellRow?.forEach((cell, c) => {
      if (cell?.content?.kind === 'formula') cells.push({ row: r, column: c, formula: cell.content.formula });
    }),
  );
  for (const { row, column, formula } of cells) {
    const call = parseCall(formula, functions);
    if (!call) continue;
    let result: unknown;
    try {
      const args = call.args.map((arg) => argumentValue(arg, sheet, sheetNamed, valueAt));
      result = functions.get(call.name)!(...args);
    } catch {
      shown.set(`${row},${column}`, '#ERROR!');
      continue;
    }
    let rows: unknown[][] = Array.isArray(result)
      ? (result as unknown[][]).map((r) => (Array.isArray(r) ? r : [r]))
      : [[result]];
    if (call.header !== undefined) rows = [[call.header], ...rows];
    const height = rows.length;
    const width = Math.max(...rows.map((r) => r.length));
    const blocked =
      row + height > sheet.maxRows ||
      column + width > sheet.maxColumns ||
      rows.some((r, dr) =>
        r.some((_, dc) => (dr > 0 || dc > 0) && sheet.peek(row + dr, column + dc)?.content !== undefined),
      );
    if (blocked) {
      shown.set(`${row},${column}`, '#REF!');
      continue;
    }
    rows.forEach((r, dr) =>
      r.forEach((value, dc) => {
        shown.set(`${row + dr},${column + dc}`, value ?? '');
        if (dr > 0 || dc > 0) {
          lastSpilledRow = Math.max(lastSpilledRow, row + dr + 1);
          lastSpilledColumn = Math.max(lastSpilledColumn, column + dc + 1);
        }
      }),
    );
  }
  return { shown, lastSpilledRow, lastSpilledColumn };
}

function argumentValue(
  text: string,
  here: CalculatedSheet,
  sheetNamed: (name: string) => CalculatedSheet | undefined,
  valueAt: (sheet: CalculatedSheet, row: number, column: number) => unknown,
): unknown {
  if (text === '') return '';
  if (/^[+-]?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (/^"(?:[^"]|"")*"$/.test(text)) return text.slice(1, -1).replace(/""/g, '"');
  const match = REFERENCE.exec(text);
  if (!match) throw new Error(`fake: cannot calculate the argument ${text}`);
  const [, sheetName, startColumn, startRow, endColumn, endRow] = match;
  const sheet = sheetName
    ? sheetNamed(sheetName.startsWith("'") ? sheetName.slice(1, -1).replace(/''/g, "'") : sheetName)
    : here;
  if (!sheet) throw new Error(`fake: no sheet ${sheetName}`);
  const top = Number(startRow) - 1;
  const left = columnIndex(startColumn!);
  if (!endColumn) return valueAt(sheet, top, left);
  const right = columnIndex(endColumn);
  // An open-ended range (C2:C) runs to the bottom of the sheet.
  const bottom = endRow ? Number(endRow) - 1 : sheet.maxRows - 1;
  const out: unknown[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row: unknown[] = [];
    for (let c = left; c <= right; c++) row.push(valueAt(sheet, r, c));
    out.push(row);
  }
  return out;
}
