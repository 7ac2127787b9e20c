/**
 * Random sparse grids written as .xlsx in every form other programs use, read back unchanged.
 * fast-check prints the seed and the shrunk counterexample on failure; rerun one with
 * FC_SEED=<seed> npx vitest run --project unit test/cli/xlsx-reader/round-trip.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { dateCell, errorCell, type CellValue, type SheetGrid } from '../../../core/index.ts';
import { openXlsx } from '../../../cli/xlsx-reader/index.ts';
import { gridXlsx, type GridForm } from '../../support/xlsx-fixtures.ts';
import { FC_SEED } from '../../support/fc-seed.ts';

const seed = FC_SEED;

/** Pieces that stress the text path: escapes-looking text that must stay literal, XML specials, control chars, surrogates. */
const tricky = fc.constantFrom(
  '_x000d_',
  '_x000D_',
  '_x005F_',
  '_x005F_x0041_',
  '_xD83D_',
  '_x',
  '=',
  '=SUM(A1:A3)',
  '\r',
  '\r\n',
  '\n',
  '\t',
  '\u0000',
  '\u0001',
  '\u001F',
  '\uFFFE',
  '\uFFFF',
  '\uD800',
  '\uDFFF',
  '😀',
  '東京',
  '&amp;',
  '<',
  '>',
  '"',
  "'",
  ' ',
  ']]>',
);
const text = fc.string({
  unit: fc.oneof(tricky, fc.string({ unit: 'binary', minLength: 1, maxLength: 3 })),
  minLength: 1,
  maxLength: 12,
});
const number = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
);
// From 1904 on, so every date exists in both date systems.
const date = fc
  .date({ min: new Date('1904-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => dateCell(d.toISOString().slice(0, 10)));
const error = fc
  .constantFrom('#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!')
  .map(errorCell);
const value: fc.Arbitrary<CellValue> = fc.oneof(text, number, fc.boolean(), date, error);

/** Mostly small sheets; now and then rows and columns far out, to exercise the long gaps. */
const position = fc.oneof(
  { weight: 5, arbitrary: fc.record({ row: fc.nat(40), column: fc.nat(12) }) },
  { weight: 1, arbitrary: fc.record({ row: fc.nat(3000), column: fc.nat(700) }) },
);
const cells = fc.uniqueArray(
  fc.record({ at: position, value }).map(({ at, value }) => ({ ...at, value })),
  { maxLength: 40, selector: (cell) => `${cell.row},${cell.column}` },
);

const form: fc.Arbitrary<GridForm> = fc.record({
  strings: fc.constantFrom('shared', 'inline', 'rich'),
  refs: fc.constantFrom('all', 'implied', 'none'),
  prefix: fc.boolean(),
  strict: fc.boolean(),
  date1904: fc.boolean(),
  dates: fc.constantFrom('iso', 'serial'),
  formulas: fc.boolean(),
});

/** Every value present in the grid as `row,column → value`, checking the grid's shape on the way. */
function presentCells(grid: SheetGrid): Map<string, CellValue> {
  const found = new Map<string, CellValue>();
  grid.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell !== null) found.set(`${r},${c}`, cell);
    });
    // Trailing empty columns are dropped: a row ends at a value (or is the shared empty row).
    if (row.length > 0) expect(row[row.length - 1]).not.toBeNull();
  });
  const last = grid.rows[grid.rows.length - 1];
  if (grid.rows.length > 0) expect(last?.length).toBeGreaterThan(0);
  return found;
}

describe('round trip', () => {
  test.prop([cells, form], { ...seed, numRuns: Number(process.env.FC_RUNS ?? 300) })(
    'any sparse grid, in any form, reads back as written',
    async (written, how) => {
      const book = openXlsx(gridXlsx('Data', written, how));
      expect(book.date1904).toBe(how.date1904);
      const grid = (await book.readSheet('data'))!;
      const expected = new Map(written.map((cell) => [`${cell.row},${cell.column}`, cell.value]));
      expect(presentCells(grid)).toEqual(expected);
      expect(grid.rows.length).toBe(
        written.length === 0 ? 0 : Math.max(...written.map((cell) => cell.row)) + 1,
      );
    },
  );
});
