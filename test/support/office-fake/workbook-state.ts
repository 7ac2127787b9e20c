/**
 * The workbook behind the Office.js fake: sheets of cells with values, formulas, number formats
 * and formats, plus merges, validations, conditional formats, panes, names and events. Plain
 * data, so tests can look at it directly; Office.js proxies (excel-api.ts) are the only writers.
 */
import { UNCALCULATED, excelSerialFromIsoDate } from '../../../core/index.ts';
import { columnIndex, columnLetter } from '../../../core/index.ts';

export type RawValue = string | number | boolean;

export interface FakeCellFormat {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  /** Edge name → border style (`Continuous`, …). */
  borders?: Record<string, string>;
}

export interface FakeCell {
  /** '' for empty. A formula cell holds its calculated value here. */
  value: RawValue;
  /** Set when the value is an error (`#N/A`): `valueTypes` then says Error, as Excel's does. */
  error?: boolean;
  /** With the leading `=`. */
  formula?: string;
  numberFormat: string;
  format: FakeCellFormat;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface FakeValidation {
  rect: Rect;
  rule: Record<string, unknown>;
  ignoreBlanks: boolean;
  prompt?: { showPrompt?: boolean; title?: string; message?: string };
  errorAlert?: { showAlert?: boolean; style?: string; title?: string; message?: string };
}

export interface FakeConditionalFormat {
  id: number;
  rect: Rect;
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

export interface FakeChangedEvent {
  type: 'WorksheetChanged';
  worksheetId: string;
  address: string;
  changeType: 'RangeEdited';
  source: 'Local';
  triggerSource: 'ThisLocalAddin' | 'Unknown';
}

export type ChangedHandler = (event: FakeChangedEvent) => Promise<unknown> | unknown;

export class FakeSheet {
  readonly cells = new Map<number, FakeCell>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  /** Rows fitted to their text (autofitRows) and given no height since. */
  readonly fittedRows = new Set<number>();
  readonly merges: Rect[] = [];
  validations: FakeValidation[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  tabColor = '';
  readonly pageLayout: Record<string, unknown> = {};
  readonly changedHandlers: ChangedHandler[] = [];
  deleted = false;

  constructor(
    public name: string,
    readonly id: string,
  ) {}

  static key(row: number, column: number): number {
    return row * 16_384 + column;
  }

  cell(row: number, column: number): FakeCell | undefined {
    return this.cells.get(FakeSheet.key(row, column));
  }

  /** The cell, created empty when absent. */
  cellForWrite(row: number, column: number): FakeCell {
    const key = FakeSheet.key(row, column);
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: '', numberFormat: 'General', format: {} };
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** The smallest rectangle from A1's corner holding every cell with a value (or any content). */
  usedRect(valuesOnly: boolean): Rect | undefined {
    let rect: Rect | undefined;
    for (const [key, cell] of this.cells) {
      const used =
        cell.value !== '' ||
        cell.formula !== undefined ||
        (!valuesOnly && (cell.numberFormat !== 'General' || Object.keys(cell.format).length > 0));
      if (!used) continue;
      const row = Math.floor(key / 16_384);
      const column = key % 16_384;
      rect = rect
        ? {
            top: Math.min(rect.top, row),
            left: Math.min(rect.left, column),
            bottom: Math.max(rect.bottom, row),
            right: Math.max(rect.right, column),
          }
        : { top: row, left: column, bottom: row, right: column };
    }
    return rect;
  }
}

export class FakeWorkbookState {
  /** Office.addin.setStartupBehavior's choice, kept with the document ('None' until set). */
  startupBehavior: 'Load' | 'None' = 'None';
  readonly sheets: FakeSheet[] = [];
  readonly names = new Map<string, { name: string; formula: string; comment: string }>();
  enableEvents = true;
  readonly sheetHandlers: {
    added: ((event: { type: string; worksheetId: string; source: string }) => unknown)[];
    deleted: ((event: { type: string; worksheetId: string; source: string }) => unknown)[];
    /** worksheets.onChanged: changes on any sheet. */
    changed: ChangedHandler[];
  } = { added: [], deleted: [], changed: [] };
  /** Every `context.sync()` so far, across every `Excel.run`. */
  syncCount = 0;
  /** Syncs preceded by `application.suspendApiCalculationUntilNextSync()`. */
  suspendedSyncs = 0;
  selection: { sheet: string; address: string } | undefined;
  activeSheet: string | undefined;
  private nextSheetId = 1;
  private nextFormatId = 1;

  addSheet(name: string): FakeSheet {
    const sheet = new FakeSheet(name, `{sheet-${this.nextSheetId++}}`);
    this.sheets.push(sheet);
    return sheet;
  }

  /** By name (Excel ignores case) or by id, as worksheets.getItem takes either. */
  sheet(key: string): FakeSheet | undefined {
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === key.toLowerCase() || sheet.id === key);
  }

  formatId(): number {
    return this.nextFormatId++;
  }
}

// --- how Excel reads what `range.values` is given --------------------------------------------

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A value written through `range.values` (or typed), as Excel stores it. Documented in
 * `Excel.Range.values`: text starting with `=`, `+` or `-` is a formula. Number and date text is
 * converted as when typed. A cell formatted as text (`@`) keeps the text as it is — the rule the
 * add-in relies on for user text; docs/excel.md lists it in the manual smoke test.
 */
export function typedIn(cell: FakeCell, value: unknown): void {
  cell.formula = undefined;
  cell.error = undefined;
  if (value === null || value === undefined || value === '') {
    cell.value = '';
    return;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('InvalidArgument: a cell cannot hold a non-finite number');
    cell.value = value;
    return;
  }
  if (typeof value === 'boolean') {
    cell.value = value;
    return;
  }
  if (typeof value !== 'string') throw new Error(`InvalidArgument: ${typeof value} is not a cell value`);
  if (cell.numberFormat === '@') {
    cell.value = value;
    return;
  }
  const text = value.trim();
  if (NUMBER.test(text)) {
    cell.value = Number(text);
  } else if (/^(true|false)$/i.test(text)) {
    cell.value = text.toLowerCase() === 'true';
  } else if (ISO_DATE.test(text) && excelSerialFromIsoDate(text) !== undefined) {
    cell.value = excelSerialFromIsoDate(text)!;
    if (cell.numberFormat === 'General') cell.numberFormat = 'yyyy-mm-dd';
  } else if (/^[=+-]/.test(value) && value.length > 1) {
    cell.formula = value.startsWith('=') ? value : `=${value}`;
    // Nothing here calculates: a formula reads back as an error value, never as an empty cell.
    cell.value = UNCALCULATED;
    cell.error = true;
  } else {
    cell.value = value;
  }
}

// --- A1 addresses ----------------------------------------------------------------------------

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** `A1`, `B2:C9`, `A:C` or `1:3` (optionally `$`-anchored), without a sheet. */
export function parseAddress(address: string): Rect {
  const text = address.replace(/\$/g, '').trim();
  const cell = /^([A-Z]{1,3})(\d+)$/i;
  const parts = text.split(':');
  if (parts.length > 2) throw new Error(`InvalidArgument: bad address ${address}`);
  const [first, second = parts[0]!] = parts as [string, string?];
  const a = cell.exec(first);
  const b = cell.exec(second);
  if (a && b) {
    const r1 = Number(a[2]) - 1;
    const r2 = Number(b[2]) - 1;
    const c1 = columnIndex(a[1]!);
    const c2 = columnIndex(b[1]!);
    return {
      top: Math.min(r1, r2),
      left: Math.min(c1, c2),
      bottom: Math.max(r1, r2),
      right: Math.max(c1, c2),
    };
  }
  if (/^[A-Z]{1,3}$/i.test(first) && /^[A-Z]{1,3}$/i.test(second)) {
    return { top: 0, left: columnIndex(first), bottom: MAX_ROWS - 1, right: columnIndex(second) };
  }
  if (/^\d+$/.test(first) && /^\d+$/.test(second)) {
    return { top: Number(first) - 1, left: 0, bottom: Number(second) - 1, right: MAX_COLUMNS - 1 };
  }
  throw new Error(`InvalidArgument: bad address ${address}`);
}

export function rectAddress(rect: Rect): string {
  const a = `${columnLetter(rect.left)}${rect.top + 1}`;
  const b = `${columnLetter(rect.right)}${rect.bottom + 1}`;
  return a === b ? a : `${a}:${b}`;
}

export function sheetQualified(sheet: string, rect: Rect): string {
  const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${rectAddress(rect)}`;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom &&
    inner.left >= outer.left &&
    inner.right <= outer.right
  );
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** `a` without the cells of `b`, as up to four rectangles. */
export function subtract(a: Rect, b: Rect): Rect[] {
  if (!intersects(a, b)) return [a];
  const out: Rect[] = [];
  if (a.top < b.top) out.push({ ...a, bottom: b.top - 1 });
  if (a.bottom > b.bottom) out.push({ ...a, top: b.bottom + 1 });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ top, bottom, left: a.left, right: b.left - 1 });
  if (a.right > b.right) out.push({ top, bottom, left: b.right + 1, right: a.right });
  return out;
}

export function intersection(a: Rect, b: Rect): Rect | undefined {
  if (!intersects(a, b)) return undefined;
  return {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
}
