import { describe, expect, it } from 'vitest';
import { openXlsx, MAX_FILLED_GAP } from '../../../cli/xlsx-reader/index.ts';
import { buildXlsx } from '../../support/xlsx-fixtures.ts';

async function sheet(sheetData: string, after = '') {
  return (await openXlsx(buildXlsx({ sheets: [{ name: 'S', sheetData, after }] })).readSheet('S'))!;
}

/** Elements actually present in an array (holes are not). */
function present(array: readonly unknown[]): number {
  return Object.keys(array).length;
}

describe('the grid follows the cells that exist', () => {
  it('a lone value at XFD1048576 does not allocate the 16384 × 1048576 rectangle', async () => {
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    const grid = await sheet(
      '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>',
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(grid.rows.length).toBe(1_048_576);
    expect(present(grid.rows)).toBe(2);
    expect(grid.rows[0]).toEqual([1]);
    const last = grid.rows[1_048_575]!;
    expect(last.length).toBe(16_384);
    expect(present(last)).toBe(1);
    expect(last[16_383]).toBe(2);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('a note in column 2000 makes one short row, not 2000 nulls in every row', async () => {
    const grid = await sheet(
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="BXX2" t="inlineStr"><is><t>note</t></is></c></row>',
    );
    expect(grid.rows[0]).toEqual([1, 2]);
    expect(present(grid.rows[1]!)).toBe(1);
    // BXX is column 2000: index 1999 holds the note, and the row ends there.
    expect(grid.rows[1]![1999]).toBe('note');
    expect(grid.rows[1]![2000]).toBeUndefined();
  });

  it('fills short gaps, so an ordinary sheet has no holes', async () => {
    const grid = await sheet(
      `<row r="1"><c r="A1"><v>1</v></c><c r="E1"><v>5</v></c></row><row r="${MAX_FILLED_GAP}"><c r="B${MAX_FILLED_GAP}"><v>2</v></c></row>`,
    );
    expect(present(grid.rows)).toBe(grid.rows.length);
    expect(grid.rows[0]).toEqual([1, null, null, null, 5]);
    expect(grid.rows[1]).toEqual([]);
    expect(grid.rows[MAX_FILLED_GAP - 1]).toEqual([null, 2]);
  });

  it('drops trailing empty rows and columns; rows end at their last value', async () => {
    const grid = await sheet(
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="3"/><c r="C1" t="inlineStr"><is><t></t></is></c></row>' +
        '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row><row r="3"><c r="A3" s="1"/></row><row r="9" ht="30"/>',
    );
    expect(grid.rows).toEqual([[1], [1, 2]]);
  });

  it('an empty sheet has no rows', async () => {
    expect((await sheet('')).rows).toEqual([]);
  });

  it('keeps a merged range’s value in its top-left cell only, even when the file repeats it', async () => {
    const grid = await sheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c><c r="B1" t="inlineStr"><is><t>Title</t></is></c><c r="D1"><v>4</v></c></row>' +
        '<row r="2"><c r="A2"><v>9</v></c><c r="B2"><v>9</v></c><c r="D2"><v>8</v></c></row>',
      '<mergeCells count="3"><mergeCell ref="A1:B2"/><mergeCell ref="D2:D1"/><mergeCell ref="A1:XFD1048576x"/></mergeCells>',
    );
    expect(grid.rows).toEqual([['Title', null, null, 4]]);
  });

  it('a merge spanning the whole sheet costs the cells in it, not its area', async () => {
    const grid = await sheet(
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="3"><c r="C3"><v>3</v></c></row>',
      '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
    );
    expect(grid.rows).toEqual([[1]]);
  });

  it('orders rows and cells the file gives out of order; a later duplicate wins', async () => {
    const grid = await sheet(
      '<row r="3"><c r="B3"><v>32</v></c><c r="A3"><v>31</v></c></row><row r="1"><c r="A1"><v>11</v></c></row><row r="3"><c r="B3"><v>99</v></c></row>',
    );
    expect(grid.rows).toEqual([[11], [], [31, 99]]);
  });

  it('ignores cells beyond Excel’s limits rather than building impossible arrays', async () => {
    const grid = await sheet(
      '<row r="1"><c r="A1"><v>1</v></c><c r="XFE1"><v>2</v></c></row><row r="1048577"><c><v>3</v></c></row>',
    );
    expect(grid.rows).toEqual([[1]]);
  });
});
