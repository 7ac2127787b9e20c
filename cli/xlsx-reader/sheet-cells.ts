// Scans a worksheet part's bytes, chunk by chunk, straight into grid rows: cells, merged areas, displayed IDs.
import type { CellValue, MergedArea, SheetGrid } from '../../core/index.ts';
import { MAX_COLUMNS, MAX_ROWS, parseRange } from './cell-refs.ts';
import { ShownDigits } from './cell-styles.ts';
import { cellValue, numberCell, type CellContext } from './cell-value.ts';
import { NEED_MORE, NOT_MINE, PartScanner } from './part-scanner.ts';
import { GridBuilder } from './sparse-grid.ts';
import { readTextItem } from './text-item.ts';
import {
  BANG,
  GT,
  LT,
  QUESTION,
  SLASH,
  attributeText,
  contentText,
  isSpace,
  latin1,
  nameEnd,
  nextLt,
  newSpan,
  nextAttribute,
  tagEnd,
} from './xml-bytes.ts';

/** Which columns of a sheet to keep, decided once from its top rows. */
export interface ColumnChoice {
  /** Rows kept whole, whatever the choice: where a reader looks for its header rows. */
  readonly topRows: number;
  /** From the grid of the top rows: the columns to keep below them, or undefined for every column. */
  choose(top: SheetGrid): ReadonlySet<number> | undefined;
}

/** A sheet as read: the grid, and the text shown for numbers whose format pads them (`000` shows 7 as 007). */
export interface SheetCells {
  readonly rows: (readonly CellValue[])[];
  readonly merges: MergedArea[];
  /** Shown text by `row * MAX_COLUMNS + column`, for numbers whose format shows more than the number. */
  readonly shown: ReadonlyMap<number, string>;
  readonly cellsKept: number;
  /** The most bytes of the part held at once. */
  readonly largestHeld: number;
}

const T_SHARED = 's';
const EMPTY_NAME: Buffer = Buffer.alloc(0);

/** The `t` attribute's usual values as constant strings, so reading one allocates nothing. */
function cellType(buf: Buffer, from: number, to: number): string {
  const length = to - from;
  const first = buf[from];
  if (length === 1) {
    if (first === 115) return T_SHARED; // s
    if (first === 110) return 'n';
    if (first === 98) return 'b';
    if (first === 101) return 'e';
    if (first === 100) return 'd';
  } else if (length === 3 && first === 115 && buf[from + 1] === 116 && buf[from + 2] === 114) return 'str';
  else if (length === 9 && first === 105) {
    const text = latin1(buf, from, to);
    if (text === 'inlineStr') return text;
  }
  return latin1(buf, from, to);
}

/**
 * The scanner. Per element it does only what that element needs: a `<row>` whose bytes up to
 * `</row>` hold no value, formula or inline string (formatting only, as Excel writes every
 * formatted cell down to row 1,048,576) is skipped with two searches; a `<c>` is read whole
 * (attributes r, t, s; `<v>`, `<f>`, `<is>`) into the grid, no object per element; everything
 * else is walked for nesting only. Rows and cells without `r` take the next position, as the
 * standard says; a reference Excel could not write (XFE1, garbage) drops the cell.
 */
export class SheetScanner extends PartScanner {
  private readonly grid = new GridBuilder();
  private readonly merges: MergedArea[] = [];
  private readonly shown = new Map<number, string>();
  private readonly attributeSpan = newSpan();
  private readonly ref = { column: 0, row: -1 };
  // Element names with the part's prefix, set once the root is read.
  private ROW = EMPTY_NAME;
  private C = EMPTY_NAME;
  private V = EMPTY_NAME;
  private F = EMPTY_NAME;
  private IS = EMPTY_NAME;
  private MERGE_CELL = EMPTY_NAME;
  private closeRow = EMPTY_NAME;
  private closeC = EMPTY_NAME;
  private closeV = EMPTY_NAME;
  private closeF = EMPTY_NAME;
  private closeIs = EMPTY_NAME;
  /** `<v`, `<f`, `<is` with the prefix: a row with none of them before its end holds no value. */
  private valueMarks: Buffer[] = [];
  /** Where each of valueMarks next occurs in the buffer (Infinity: nowhere), searched lazily. */
  private nextMark: number[] = [];
  private rowIndex = -1;
  private inRow = false;
  private nextRow = 0;
  private nextColumn = 0;
  /** Columns kept below the top rows; undefined: all (or not decided yet). */
  private keep: Uint8Array | undefined;
  private decided: boolean;

  constructor(
    part: string,
    private readonly context: CellContext,
    private readonly columns?: ColumnChoice,
  ) {
    super(part);
    this.decided = columns === undefined;
  }

  /** The grid once the part has ended. */
  result(): SheetCells {
    this.grid.clearMerged(this.merges);
    return {
      rows: this.grid.rows,
      merges: this.merges,
      shown: this.shown,
      cellsKept: this.grid.cellsKept,
      largestHeld: this.largestHeld,
    };
  }

  protected override rootRead(): void {
    this.ROW = this.name('row');
    this.C = this.name('c');
    this.V = this.name('v');
    this.F = this.name('f');
    this.IS = this.name('is');
    this.MERGE_CELL = this.name('mergeCell');
    const close = (name: Buffer) => Buffer.concat([Buffer.from('</'), name]) as Buffer;
    this.closeRow = close(this.ROW);
    this.closeC = close(this.C);
    this.closeV = close(this.V);
    this.closeF = close(this.F);
    this.closeIs = close(this.IS);
    const open = (name: Buffer) => Buffer.concat([Buffer.from('<'), name]);
    this.valueMarks = [open(this.V), open(this.F), open(this.IS)];
    this.nextMark = this.valueMarks.map(() => -1);
  }

  protected override chunkStarted(): void {
    this.nextMark.fill(-1);
  }

  protected override closed(name: Buffer): void {
    if (name === this.ROW) this.inRow = false;
  }

  protected override element(lt: number, to: number, gt: number, selfClosing: boolean): number {
    const from = lt + 1;
    if (this.isElement(from, to, this.C)) return this.cell(to, gt, selfClosing);
    if (this.isElement(from, to, this.ROW)) return this.row(to, gt, selfClosing);
    if (this.isElement(from, to, this.MERGE_CELL)) {
      const ref = this.attribute(to, gt, 'ref');
      const range = ref === undefined ? undefined : parseRange(ref);
      if (range) this.merges.push(range);
      return gt + 1;
    }
    return NOT_MINE;
  }

  private attribute(from: number, to: number, name: string): string | undefined {
    const buf = this.buf;
    const span = this.attributeSpan;
    for (let i = from; nextAttribute(buf, i, to, span); i = span.valueEnd + 1) {
      if (latin1(buf, span.nameStart, span.nameEnd) === name) return attributeText(buf, span);
    }
    return undefined;
  }

  private row(to: number, gt: number, selfClosing: boolean): number {
    const buf = this.buf;
    const span = this.attributeSpan;
    let n = -1;
    for (let i = to; nextAttribute(buf, i, selfClosing ? gt - 1 : gt, span); i = span.valueEnd + 1) {
      if (span.nameEnd - span.nameStart === 1 && buf[span.nameStart] === 114 /* r */) {
        n = digits(buf, span.valueStart, span.valueEnd);
        break;
      }
    }
    const index = n >= 1 ? n - 1 : this.nextRow;
    this.nextRow = index + 1;
    this.nextColumn = 0;
    this.rowIndex = index;
    if (selfClosing) return gt + 1;
    // Formatting only? Then the row costs two searches, and its cells are never looked at.
    const end = this.buf.indexOf(this.closeRow, gt + 1);
    if (end >= 0 && this.nextValueMark(gt + 1) > end) {
      const after = end + this.closeRow.length;
      const close = this.buf.indexOf(GT, after);
      if (close >= 0 && isBlank(this.buf, after, close)) return close + 1;
    }
    this.inRow = true;
    return NOT_MINE;
  }

  /** The first position at or after `from` where a value, formula or inline string may start. */
  private nextValueMark(from: number): number {
    let first = Infinity;
    for (let k = 0; k < this.valueMarks.length; k++) {
      let at = this.nextMark[k]!;
      if (at !== Infinity && at < from) {
        const found = this.buf.indexOf(this.valueMarks[k]!, from);
        at = found < 0 ? Infinity : found;
        this.nextMark[k] = at;
      }
      if (at < first) first = at;
    }
    return first;
  }

  private cell(to: number, gt: number, selfClosing: boolean): number {
    const buf = this.buf;
    // Attributes: r, t, s.
    let type: string | undefined;
    let style = 0;
    let hasRef = false;
    let validRef = false;
    const ref = this.ref;
    const span = this.attributeSpan;
    const attributesEnd = selfClosing ? gt - 1 : gt;
    for (let i = to; nextAttribute(buf, i, attributesEnd, span); i = span.valueEnd + 1) {
      if (span.nameEnd - span.nameStart !== 1) continue;
      const name = buf[span.nameStart];
      if (name === 114 /* r */) {
        hasRef = true;
        validRef = readRef(buf, span.valueStart, span.valueEnd, ref);
      } else if (name === 116 /* t */) type = cellType(buf, span.valueStart, span.valueEnd);
      else if (name === 115 /* s */) style = digits(buf, span.valueStart, span.valueEnd);
    }
    // The content is read whole or not at all (the next chunk completes it): nothing changes
    // until the cell's end is known.
    const end = selfClosing ? gt + 1 : this.readContent(gt + 1);
    if (end === NEED_MORE) return NEED_MORE;
    const column = !hasRef ? this.nextColumn : validRef ? ref.column : MAX_COLUMNS;
    const row = validRef && ref.row >= 0 ? ref.row : this.inRow ? this.rowIndex : this.nextRow;
    this.nextColumn = column + 1;
    if (selfClosing || column >= MAX_COLUMNS || row >= MAX_ROWS || !this.kept(row, column)) return end;
    const value = this.value(type, style);
    if (value === null) return end;
    if (!this.inRow || row !== this.rowIndex) this.nextRow = row + 1;
    this.grid.put(row, column, value);
    if (typeof value === 'number') {
      const display = this.context.styles[style];
      if (display instanceof ShownDigits) {
        const text = display.show(value);
        if (text !== undefined) this.shown.set(row * MAX_COLUMNS + column, text);
      }
    }
    return end;
  }

  // What readContent found in the cell last read.
  private rawFrom = -1;
  private rawTo = -1;
  private hasFormula = false;
  private inlineFrom = -1;
  private inlineTo = -1;

  /**
   * Walks a cell's content from `from` (after its start tag) to its `</c>`, noting where `<v>`'s
   * text and `<is>`'s content are and whether there is an `<f>`; the position after `</c>`, or
   * NEED_MORE when the buffer ends first. One pass of plain loops, nothing allocated.
   */
  private readContent(from: number): number {
    const buf = this.buf;
    const length = buf.length;
    this.rawFrom = this.rawTo = this.inlineFrom = this.inlineTo = -1;
    this.hasFormula = false;
    let i = from;
    for (;;) {
      const lt = nextLt(buf, i, length);
      if (lt < 0 || lt + 1 >= length) return NEED_MORE;
      const next = buf[lt + 1]!;
      if (next === SLASH) {
        const gt = tagEnd(buf, lt + 2);
        if (gt < 0) return NEED_MORE;
        if (this.isElement(lt + 2, nameEnd(buf, lt + 2, gt), this.C)) return gt + 1;
        i = gt + 1;
        continue;
      }
      if (next === BANG || next === QUESTION) {
        const after = skipInside(buf, lt, length);
        if (after < 0) return NEED_MORE;
        i = after;
        continue;
      }
      const gt = tagEnd(buf, lt + 1);
      if (gt < 0) return NEED_MORE;
      const nameTo = nameEnd(buf, lt + 1, gt);
      const self = buf[gt - 1] === SLASH;
      if (this.isElement(lt + 1, nameTo, this.V)) {
        if (self) {
          this.rawFrom = this.rawTo = gt + 1;
          i = gt + 1;
          continue;
        }
        const close = findClose(buf, gt + 1, this.closeV);
        if (close < 0) return NEED_MORE;
        this.rawFrom = gt + 1;
        this.rawTo = close;
        i = tagEnd(buf, close + 2) + 1;
      } else if (this.isElement(lt + 1, nameTo, this.F)) {
        this.hasFormula = true;
        if (self) i = gt + 1;
        else {
          const close = findClose(buf, gt + 1, this.closeF);
          if (close < 0) return NEED_MORE;
          i = tagEnd(buf, close + 2) + 1;
        }
      } else if (this.isElement(lt + 1, nameTo, this.IS)) {
        if (self) {
          this.inlineFrom = this.inlineTo = gt + 1;
          i = gt + 1;
          continue;
        }
        const close = findClose(buf, gt + 1, this.closeIs);
        if (close < 0) return NEED_MORE;
        this.inlineFrom = gt + 1;
        this.inlineTo = close;
        i = tagEnd(buf, close + 2) + 1;
      } else {
        i = gt + 1;
      }
    }
  }

  /** Whether the cell at (row, column) is kept: every cell of the top rows, then the chosen columns. */
  private kept(row: number, column: number): boolean {
    if (!this.decided) {
      if (row < this.columns!.topRows) return true;
      this.decide();
    }
    return this.keep === undefined || row < this.columns!.topRows || this.keep[column] === 1;
  }

  private decide(): void {
    this.decided = true;
    const chosen = this.columns!.choose({ name: '', rows: this.grid.rows });
    if (chosen === undefined) return;
    this.keep = new Uint8Array(MAX_COLUMNS);
    for (const column of chosen) if (column >= 0 && column < MAX_COLUMNS) this.keep[column] = 1;
  }

  /** The value of the cell readContent walked last. */
  private value(type: string | undefined, style: number): CellValue {
    const buf = this.buf;
    const { rawFrom, rawTo, hasFormula } = this;
    const inline =
      this.inlineFrom < 0 ? undefined : readTextItem(buf, this.inlineFrom, this.inlineTo, this.prefix);
    if (rawFrom < 0) return cellValue(type, style, undefined, hasFormula, inline, this.context);
    if (inline === undefined) {
      // Shared strings and plain numbers, nearly every cell: straight from the bytes.
      if (type === T_SHARED) {
        const index = digits(buf, rawFrom, rawTo);
        if (index >= 0) {
          const text = this.context.sharedStrings[index];
          return text === undefined || text === '' ? null : text;
        }
      } else if ((type === undefined || type === 'n') && rawTo > rawFrom && rawTo - rawFrom < 16) {
        const number = plainDigits(buf, rawFrom, rawTo);
        if (number >= 0) return numberCell(number, style, this.context);
      }
    }
    return cellValue(type, style, contentText(buf, rawFrom, rawTo), hasFormula, inline, this.context);
  }
}

/** Plain digits (no sign, point or exponent) as a number; -1 for anything else. */
function plainDigits(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** The start of the closing tag `close` (`</v`, `</x:c`) at or after `from`, followed by `>` or white space; -1 when the buffer ends first. */
export function findClose(buf: Buffer, from: number, close: Buffer): number {
  const length = buf.length;
  const last = length - close.length;
  for (let at = from; at <= last; at++) {
    if (buf[at] !== LT || buf[at + 1] !== SLASH) continue;
    let k = 2;
    while (k < close.length && buf[at + k] === close[k]) k++;
    if (k < close.length) continue;
    const after = buf[at + close.length];
    if (after === undefined) return -1;
    if (after === GT) return at;
    if (isSpace(after)) return tagEnd(buf, at + 2) < 0 ? -1 : at;
  }
  return -1;
}

/** Past a comment or processing instruction inside a cell; -1 when it runs past `to`. */
function skipInside(buf: Buffer, lt: number, to: number): number {
  if (buf[lt + 1] === BANG) {
    const close = buf.indexOf(buf[lt + 2] === 91 /* [ */ ? ']]>' : '-->', lt + 2);
    return close < 0 || close >= to ? -1 : close + 3;
  }
  const close = buf.indexOf('?>', lt + 2);
  return close < 0 || close >= to ? -1 : close + 2;
}

function isBlank(buf: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(buf[i]!)) return false;
  return true;
}

/** A non-negative whole number written in plain digits; -1 for anything else. */
function digits(buf: Buffer, from: number, to: number): number {
  if (to <= from) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) {
      const text = latin1(buf, from, to).trim();
      const value = Number(text);
      return text !== '' && Number.isInteger(value) && value >= 0 ? value : -1;
    }
    n = n * 10 + d;
  }
  return n;
}

/**
 * A cell reference (`B12`, `$B$12`) from bytes into `out` (row -1 when it has none); false when
 * it is no reference Excel could write. The same rules as cell-refs.ts's readCellRef.
 */
function readRef(buf: Buffer, from: number, to: number, out: { column: number; row: number }): boolean {
  let i = from;
  let column = 0;
  if (buf[i] === 36) i++; // $
  for (; i < to; i++) {
    const code = buf[i]! | 0x20;
    if (code < 97 || code > 122) break;
    column = column * 26 + (code - 96);
    if (column > MAX_COLUMNS) return false;
  }
  if (column === 0) return false;
  if (buf[i] === 36) i++;
  out.column = column - 1;
  if (i === to) {
    out.row = -1;
    return true;
  }
  let row = 0;
  for (let k = i; k < to; k++) {
    const d = buf[k]! - 48;
    if (d < 0 || d > 9) {
      // Anything else Number() still reads as a whole number (`1.0`, ` 1`) counts, as before.
      const value = Number(latin1(buf, i, to));
      if (!Number.isInteger(value) || value < 1 || value > MAX_ROWS) return false;
      out.row = value - 1;
      return true;
    }
    row = row * 10 + d;
    if (row > MAX_ROWS) return false;
  }
  if (row < 1) return false;
  out.row = row - 1;
  return true;
}
