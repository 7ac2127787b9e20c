// Range and RangeList: block reads and writes of values, formulas, formats and validations.
import { FakeDataValidation } from './builders.ts';
import { contentOf, type FakeCell } from './fake-cell.ts';
import { a1Of, count } from './fake-env.ts';
import type { FakeSheet } from './fake-sheet.ts';

const COLOUR = /^#[0-9a-fA-F]{6}$/;

export class FakeRange {
  constructor(
    private readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  private count(method: string): void {
    count(this.sheet.env, `Range.${method}`);
  }

  /** Checks a 2-D argument has exactly the range's shape, as Sheets does. */
  private shaped<T>(grid: readonly (readonly T[])[], what: string): void {
    if (!Array.isArray(grid)) throw new Error(`fake: ${what} takes a 2-D array`);
    if (grid.length !== this.numRows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${grid.length} but the range has ${this.numRows}.`,
      );
    }
    for (const row of grid) {
      if (!Array.isArray(row) || row.length !== this.numColumns) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 'no'} but the range has ${this.numColumns}.`,
        );
      }
    }
  }

  private each(fn: (cell: FakeCell, r: number, c: number) => void): void {
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numColumns; c++)
        fn(this.sheet.cellAt(this.row - 1 + r, this.column - 1 + c), r, c);
    }
  }

  private map<T>(fn: (cell: FakeCell | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this.numColumns; c++)
        row.push(fn(this.sheet.peek(this.row - 1 + r, this.column - 1 + c)));
      out.push(row);
    }
    return out;
  }

  private setEach<T>(
    method: string,
    grid: readonly (readonly T[])[],
    check: (value: T) => boolean,
    apply: (cell: FakeCell, value: T) => void,
  ): this {
    this.count(method);
    this.shaped(grid, method);
    this.each((cell, r, c) => {
      const value = grid[r]![c]!;
      if (!check(value)) throw new Error(`fake: ${method}: ${JSON.stringify(value)} is not accepted`);
      apply(cell, value);
    });
    return this;
  }

  getRow(): number {
    this.count('getRow');
    return this.row;
  }
  getColumn(): number {
    this.count('getColumn');
    return this.column;
  }
  getNumRows(): number {
    this.count('getNumRows');
    return this.numRows;
  }
  getNumColumns(): number {
    this.count('getNumColumns');
    return this.numColumns;
  }
  getSheet(): FakeSheet {
    this.count('getSheet');
    return this.sheet;
  }
  /** Not counted. */
  getSheetUncounted(): FakeSheet {
    return this.sheet;
  }
  getA1Notation(): string {
    this.count('getA1Notation');
    return this.a1();
  }
  /** Not counted: for the fake's own bookkeeping and test assertions. */
  a1(): string {
    return a1Of(this.row, this.column, this.numRows, this.numColumns);
  }

  getValues(): unknown[][] {
    this.count('getValues');
    const shown = this.sheet.shownValues();
    const out: unknown[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const row: unknown[] = [];
      for (let c = 0; c < this.numColumns; c++) row.push(shown(this.row - 1 + r, this.column - 1 + c));
      out.push(row);
    }
    return out;
  }
  /** What the cells show: numbers through a zeros-only format (`000`) padded, as Sheets pads them. */
  getDisplayValues(): string[][] {
    this.count('getDisplayValues');
    const shown = this.sheet.shownValues();
    const out: string[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const row: string[] = [];
      for (let c = 0; c < this.numColumns; c++) {
        const at = [this.row - 1 + r, this.column - 1 + c] as const;
        const value = shown(...at);
        const format = this.sheet.peek(...at)?.numberFormat ?? '';
        if (typeof value === 'number' && /^0+$/.test(format))
          row.push(String(Math.round(value)).padStart(format.length, '0'));
        else row.push(value === '' || value === null || value === undefined ? '' : String(value));
      }
      out.push(row);
    }
    return out;
  }

  setValues(values: unknown[][]): this {
    this.count('setValues');
    this.shaped(values, 'setValues');
    const env = this.sheet.env;
    // Check everything before writing anything: a failed call changes nothing.
    const contents = values.map((row, r) =>
      row.map((value, c) => {
        const where = `${this.sheet.name}!${a1Of(this.row + r, this.column + c, 1, 1)}`;
        return contentOf(
          value,
          this.sheet.peek(this.row - 1 + r, this.column - 1 + c)?.numberFormat,
          env,
          where,
        );
      }),
    );
    this.each((cell, r, c) => {
      const content = contents[r]![c];
      if (content) cell.content = content;
      else delete cell.content;
    });
    return this;
  }
  getFormulas(): string[][] {
    this.count('getFormulas');
    return this.map((cell) => (cell?.content?.kind === 'formula' ? cell.content.formula : ''));
  }
  setFormulas(formulas: string[][]): this {
    return this.setEach(
      'setFormulas',
      formulas,
      (f) => typeof f === 'string' && (f === '' || f.startsWith('=')),
      (cell, formula) => {
        // An empty formula clears the cell, as in Sheets.
        if (formula === '') delete cell.content;
        else cell.content = { kind: 'formula', formula };
      },
    );
  }
  getNumberFormats(): string[][] {
    this.count('getNumberFormats');
    return this.map((cell) => cell?.numberFormat ?? 'General');
  }
  setNumberFormats(formats: string[][]): this {
    return this.setEach(
      'setNumberFormats',
      formats,
      (f) => typeof f === 'string',
      (cell, f) => {
        cell.numberFormat = f;
      },
    );
  }
  getBackgrounds(): string[][] {
    this.count('getBackgrounds');
    return this.map((cell) => cell?.background ?? '#ffffff');
  }
  setBackgrounds(colours: (string | null)[][]): this {
    return this.setEach(
      'setBackgrounds',
      colours,
      (v) => v === null || COLOUR.test(v),
      (cell, v) => {
        cell.background = v;
      },
    );
  }
  setFontWeights(weights: (string | null)[][]): this {
    return this.setEach(
      'setFontWeights',
      weights,
      (v) => v === null || v === 'bold' || v === 'normal',
      (cell, v) => {
        cell.fontWeight = v;
      },
    );
  }
  getFontWeights(): string[][] {
    this.count('getFontWeights');
    return this.map((cell) => cell?.fontWeight ?? 'normal');
  }
  setFontStyles(styles: (string | null)[][]): this {
    return this.setEach(
      'setFontStyles',
      styles,
      (v) => v === null || v === 'italic' || v === 'normal',
      (cell, v) => {
        cell.fontStyle = v;
      },
    );
  }
  setFontColors(colours: (string | null)[][]): this {
    return this.setEach(
      'setFontColors',
      colours,
      (v) => v === null || COLOUR.test(v),
      (cell, v) => {
        cell.fontColor = v;
      },
    );
  }
  setFontSizes(sizes: number[][]): this {
    return this.setEach(
      'setFontSizes',
      sizes,
      (v) => typeof v === 'number' && v > 0,
      (cell, v) => {
        cell.fontSize = v;
      },
    );
  }
  setWraps(wraps: boolean[][]): this {
    return this.setEach(
      'setWraps',
      wraps,
      (v) => typeof v === 'boolean',
      (cell, v) => {
        cell.wrap = v;
      },
    );
  }
  setHorizontalAlignments(alignments: (string | null)[][]): this {
    return this.setEach(
      'setHorizontalAlignments',
      alignments,
      (v) => v === null || ['left', 'center', 'right', 'normal'].includes(v),
      (cell, v) => {
        cell.horizontal = v;
      },
    );
  }
  setVerticalAlignments(alignments: (string | null)[][]): this {
    return this.setEach(
      'setVerticalAlignments',
      alignments,
      (v) => v === null || ['top', 'middle', 'bottom'].includes(v),
      (cell, v) => {
        cell.vertical = v;
      },
    );
  }
  setBorder(...sides: (boolean | null)[]): this {
    this.count('setBorder');
    this.applyBorder(sides);
    return this;
  }
  /** Not counted: a RangeList's setters apply through it, to each cell (0-based within the range). */
  applyEach(apply: (cell: FakeCell, row: number, column: number) => void): void {
    this.each(apply);
  }
  /** Not counted: RangeList.setBorder applies through it. Only an all-round box or none is modelled. */
  applyBorder(sides: readonly (boolean | null)[]): void {
    if (sides.length < 6 || sides.slice(0, 6).some((side) => side !== sides[0])) {
      throw new Error('fake: only setBorder(true × 6) or setBorder(false × 6) is modelled');
    }
    this.each((cell) => {
      cell.border = sides[0] === true;
    });
  }
  merge(): this {
    this.count('merge');
    this.sheet.addMerge(this);
    return this;
  }
  setDataValidations(rules: (FakeDataValidation | null)[][]): this {
    return this.setEach(
      'setDataValidations',
      rules,
      (v) => v === null || v instanceof FakeDataValidation,
      (cell, v) => {
        cell.validation = v;
      },
    );
  }
  getDataValidations(): (FakeDataValidation | null)[][] {
    this.count('getDataValidations');
    return this.map((cell) => cell?.validation ?? null);
  }
  setNote(note: string): this {
    this.count('setNote');
    this.each((cell) => {
      cell.note = note;
    });
    return this;
  }
  setNotes(notes: string[][]): this {
    return this.setEach(
      'setNotes',
      notes,
      (v) => typeof v === 'string',
      (cell, v) => {
        cell.note = v;
      },
    );
  }
  getNotes(): string[][] {
    this.count('getNotes');
    return this.map((cell) => cell?.note ?? '');
  }
}

export class FakeRangeList {
  constructor(
    private readonly sheet: FakeSheet,
    readonly ranges: readonly FakeRange[],
  ) {}
  setBorder(...sides: (boolean | null)[]): this {
    count(this.sheet.env, 'RangeList.setBorder');
    for (const range of this.ranges) range.applyBorder(sides);
    return this;
  }
  getRanges(): FakeRange[] {
    count(this.sheet.env, 'RangeList.getRanges');
    return [...this.ranges];
  }
}
