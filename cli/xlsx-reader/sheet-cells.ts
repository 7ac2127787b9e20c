// Streams a worksheet part into its non-empty cells, row by row, plus its merged ranges.
import type { CellValue } from '../../core/index.ts';
import { MAX_COLUMNS, MAX_ROWS, parseRange, readCellRef, type CellRange } from './cell-refs.ts';
import { cellValue, type CellContext } from './cell-value.ts';
import { TextItem } from './text-item.ts';
import { isSpreadsheetMl } from './xml-events.ts';
import { scanXmlPart, type ScannedTag as XmlTag } from './xml-scanner.ts';

/** The non-empty cells of one sheet row, in the order the file gives them. */
export interface SparseRow {
  /** 0-based sheet row. */
  readonly index: number;
  readonly columns: number[];
  readonly values: CellValue[];
}

export interface SheetCells {
  readonly rows: SparseRow[];
  readonly merges: CellRange[];
}

/** What a cell's attributes say: its reference, type and style. */
const CELL_ATTRIBUTES = ['r', 't', 's'] as const;

/**
 * One pass over `<sheetData>` and `<mergeCells>`; every other part of a worksheet (columns,
 * views, validations, conditional formats, drawings, extensions) is skipped unread. Rows and
 * cells without `r` take the position after the previous one, as the standard says.
 */
class SheetCellsReader {
  readonly rows: SparseRow[] = [];
  readonly merges: CellRange[] = [];
  /** Where the latest value went; a cell of the same row appends to it. */
  private row: SparseRow | undefined;
  /** 0-based index of the open <row>, if any. */
  private rowIndex: number | undefined;
  private nextRow = 0;
  private nextColumn = 0;
  // The cell being read.
  private column = 0;
  private cellRow = 0;
  private type: string | undefined;
  private style = 0;
  private value: string | undefined;
  private hasFormula = false;
  private inline: string | undefined;
  private readonly item = new TextItem();
  /** The attributes of the `<c>` being read, one object reused for every cell. */
  private readonly cellRef = { column: 0, row: undefined as number | undefined };
  private readonly cellAttributes: Record<(typeof CELL_ATTRIBUTES)[number], string | undefined> = {
    r: undefined,
    t: undefined,
    s: undefined,
  };
  // The open elements we care about. The scanner closes an element with the very object it opened
  // it with, so closing is an identity test: no name or namespace compared twice per element.
  private rowTag: XmlTag | undefined;
  private cellTag: XmlTag | undefined;
  private valueTag: XmlTag | undefined;
  private inlineTag: XmlTag | undefined;

  constructor(private readonly context: CellContext) {}

  open(tag: XmlTag): void {
    if (this.inlineTag) this.item.open(tag);
    // The name first, the namespace only for names we use: nearly every element of a sheet is
    // a row, c or v, and a switch compares short strings without hashing them.
    switch (tag.local) {
      case 'row':
        if (isSpreadsheetMl(tag)) this.openRow(tag);
        return;
      case 'c':
        if (isSpreadsheetMl(tag)) this.openCell(tag);
        return;
      case 'v':
        if (this.cellTag && isSpreadsheetMl(tag)) {
          this.valueTag = tag;
          this.value = '';
        }
        return;
      case 'f':
        if (this.cellTag && isSpreadsheetMl(tag)) this.hasFormula = true;
        return;
      case 'is':
        if (this.cellTag && isSpreadsheetMl(tag)) this.inlineTag = tag;
        return;
      case 'mergeCell': {
        const range = isSpreadsheetMl(tag) ? parseRange(tag.attribute('ref') ?? '') : undefined;
        if (range) this.merges.push(range);
      }
    }
  }

  close(tag: XmlTag): void {
    if (tag === this.valueTag) {
      this.valueTag = undefined;
    } else if (tag === this.cellTag) {
      this.cellTag = undefined;
      this.closeCell();
    } else if (tag === this.inlineTag) {
      this.inlineTag = undefined;
      this.inline = this.item.take();
    } else if (tag === this.rowTag) {
      this.rowTag = undefined;
      this.rowIndex = undefined;
    } else if (this.inlineTag) {
      this.item.close(tag);
    }
  }

  text(text: string): void {
    if (this.valueTag) this.value += text;
    else if (this.inlineTag) this.item.text(text);
  }

  private openRow(tag: XmlTag): void {
    this.rowTag = tag;
    const r = Number(tag.attribute('r'));
    const index = Number.isInteger(r) && r >= 1 ? r - 1 : this.nextRow;
    this.nextRow = index + 1;
    this.nextColumn = 0;
    // The row's cells are gathered when its first value arrives: files often hold thousands
    // of formatted but empty <row> elements, and those should cost nothing.
    this.rowIndex = index;
  }

  private openCell(tag: XmlTag): void {
    this.cellTag = tag;
    const attributes = this.cellAttributes;
    tag.readAttributes(CELL_ATTRIBUTES, attributes);
    const r = attributes.r;
    const ref = this.cellRef;
    const valid = r !== undefined && readCellRef(r, ref);
    // A reference Excel could not have written (XFE1, garbage) marks the cell as one to drop.
    this.column = r === undefined ? this.nextColumn : valid ? ref.column : MAX_COLUMNS;
    this.cellRow = (valid ? ref.row : undefined) ?? this.rowIndex ?? this.nextRow;
    this.nextColumn = this.column + 1;
    this.type = attributes.t;
    this.style = attributes.s === undefined ? 0 : Number(attributes.s) || 0;
    this.value = undefined;
    this.inline = undefined;
    this.hasFormula = false;
  }

  private closeCell(): void {
    if (this.column >= MAX_COLUMNS || this.cellRow >= MAX_ROWS) return;
    const value = cellValue(this.type, this.style, this.value, this.hasFormula, this.inline, this.context);
    if (value === null) return;
    // A cell outside any <row> (or whose `r` names another row) goes to the row it names.
    if (this.row?.index !== this.cellRow) {
      this.row = { index: this.cellRow, columns: [], values: [] };
      this.rows.push(this.row);
      this.nextRow = this.cellRow + 1;
    }
    this.row.columns.push(this.column);
    this.row.values.push(value);
  }
}

/** The sheet's non-empty cells (formulas by their cached values) and merged ranges. */
export function parseSheetCells(part: string, bytes: Uint8Array, context: CellContext): SheetCells {
  const reader = new SheetCellsReader(context);
  scanXmlPart(part, bytes, {
    open: (tag) => reader.open(tag),
    close: (tag) => reader.close(tag),
    text: (text) => reader.text(text),
  });
  return { rows: reader.rows, merges: reader.merges };
}
