import { describe, expect, it } from 'vitest';
import { dateCell } from '../../../core/index.ts';
import { openXlsx } from '../../../cli/xlsx-reader/index.ts';
import { isoDateText, serialToIso } from '../../../cli/xlsx-reader/serial-dates.ts';
import { buildXlsx } from '../../support/xlsx-fixtures.ts';

describe('serial dates', () => {
  it('1900 system: serial 1 is 1900-01-01, with Excel’s phantom 1900-02-29 read as 1900-02-28', () => {
    expect(serialToIso(1, false)).toBe('1900-01-01');
    expect(serialToIso(59, false)).toBe('1900-02-28');
    expect(serialToIso(60, false)).toBe('1900-02-28');
    expect(serialToIso(61, false)).toBe('1900-03-01');
    expect(serialToIso(44742, false)).toBe('2022-06-30');
    expect(serialToIso(2958465, false)).toBe('9999-12-31');
  });

  it('1904 system: serial 0 is 1904-01-01', () => {
    expect(serialToIso(0, true)).toBe('1904-01-01');
    expect(serialToIso(43280, true)).toBe('2022-06-30');
  });

  it('drops the time of day, after rounding to the millisecond as Excel does', () => {
    expect(serialToIso(44742.75, false)).toBe('2022-06-30');
    expect(serialToIso(44742.999999, false)).toBe('2022-06-30');
    expect(serialToIso(44742.9999999999999, false)).toBe('2022-07-01');
  });

  it('is no date outside the calendar Excel shows (negative, 1900-01-00, after 9999)', () => {
    expect(serialToIso(0, false)).toBeUndefined();
    expect(serialToIso(0.5, false)).toBeUndefined();
    expect(serialToIso(-1, true)).toBeUndefined();
    expect(serialToIso(2958466, false)).toBeUndefined();
    expect(serialToIso(Number.NaN, false)).toBeUndefined();
  });

  it('takes the calendar part of ISO text, never shifting it by a zone', () => {
    expect(isoDateText('2022-08-15')).toBe('2022-08-15');
    expect(isoDateText('2022-08-15T23:59:59+05:00')).toBe('2022-08-15');
    expect(isoDateText('2022-13-01')).toBeUndefined();
    expect(isoDateText('15/08/2022')).toBeUndefined();
  });
});

describe('numbers in cells', () => {
  const sheetData =
    '<row r="1"><c r="A1" s="1"><v>44742</v></c><c r="B1" s="2"><v>44742.5</v></c><c r="C1" s="3"><v>44742</v></c>' +
    '<c r="D1" s="4"><v>1.5</v></c><c r="E1" s="5"><v>44742</v></c><c r="F1"><v>44742</v></c><c r="G1" s="6"><v>44742</v></c>' +
    '<c r="H1" s="99"><v>44742</v></c></row>';

  it('are dates only where the cell’s style has a date format', () => {
    const book = openXlsx(
      buildXlsx({
        sheets: [{ name: 'S', sheetData }],
        numFmts: [
          { id: 164, code: 'dd/mm/yyyy' },
          { id: 165, code: '[h]:mm' },
          { id: 166, code: '"Week "0' },
        ],
        // Styles: 0 General, 1 built-in 14, 2 custom date, 3 #,##0, 4 elapsed time, 5 built-in 22, 6 "Week "0.
        cellXfs: [0, 14, 164, 3, 165, 22, 166],
      }),
    );
    expect(book.readSheet('S')!.rows).toEqual([
      [
        dateCell('2022-06-30'),
        dateCell('2022-06-30'),
        44742,
        dateCell('1900-01-01'),
        dateCell('2022-06-30'),
        44742,
        'Week 44742',
        44742,
      ],
    ]);
  });

  it('use the 1904 system when the workbook does', () => {
    const book = openXlsx(
      buildXlsx({
        sheets: [{ name: 'S', sheetData: '<row r="1"><c r="A1" s="1"><v>43280</v></c></row>' }],
        date1904: 'true',
        cellXfs: [0, 14],
      }),
    );
    expect(book.readSheet('S')!.rows).toEqual([[dateCell('2022-06-30')]]);
  });

  it('stay numbers when the workbook has no styles part', () => {
    const book = openXlsx(
      buildXlsx({ sheets: [{ name: 'S', sheetData: '<row r="1"><c r="A1" s="1"><v>5</v></c></row>' }] }),
    );
    expect(book.readSheet('S')!.rows).toEqual([[5]]);
  });
});
