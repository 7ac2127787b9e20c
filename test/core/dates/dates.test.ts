import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { dateCell, errorCell } from '../../../core/cells/cell.ts';
import {
  compareIsoDates,
  dateFromCell,
  daysInMonth,
  excelSerialFromIsoDate,
  formatDateForReport,
  isLeapYear,
  isoDate,
  isoDateFromExcelSerial,
  isoDateFromUtcMidnight,
  isValidIsoDate,
  monthOf,
  parseDateText,
  yearOf,
} from '../../../core/dates/dates.ts';

describe('isoDate', () => {
  it('builds real dates', () => {
    expect(isoDate(2022, 8, 15)).toBe('2022-08-15');
    expect(isoDate(999, 1, 2)).toBe('0999-01-02');
  });

  it('knows leap years', () => {
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
    expect(isoDate(2000, 2, 29)).toBe('2000-02-29');
    expect(isoDate(2023, 2, 29)).toBeUndefined();
    expect(isoDate(1900, 2, 29)).toBeUndefined();
    expect(isLeapYear(2100)).toBe(false);
    expect(daysInMonth(2023, 2)).toBe(28);
  });

  it('refuses days, months and years that do not exist', () => {
    expect(isoDate(2022, 4, 31)).toBeUndefined();
    expect(isoDate(2022, 13, 1)).toBeUndefined();
    expect(isoDate(2022, 0, 1)).toBeUndefined();
    expect(isoDate(2022, 1, 0)).toBeUndefined();
    expect(isoDate(2022, 1.5, 1)).toBeUndefined();
    expect(isoDate(0, 1, 1)).toBeUndefined();
    expect(isoDate(10000, 1, 1)).toBeUndefined();
    expect(isoDate(Number.NaN, 1, 1)).toBeUndefined();
  });

  it('checks ISO text strictly', () => {
    expect(isValidIsoDate('2022-08-15')).toBe(true);
    expect(isValidIsoDate('2022-02-30')).toBe(false);
    expect(isValidIsoDate('2022-8-15')).toBe(false);
    expect(isValidIsoDate('2022-08-15T00:00:00Z')).toBe(false);
  });
});

describe('Excel serial numbers', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [44788, '2022-08-15'],
    [44833, '2022-09-29'],
    [2958465, '9999-12-31'],
  ])('serial %d is %s, both ways', (serial, iso) => {
    expect(isoDateFromExcelSerial(serial)).toBe(iso);
    expect(excelSerialFromIsoDate(iso)).toBe(serial);
  });

  it('has no day for serial 60, the 29 February 1900 Excel invented', () => {
    expect(isoDateFromExcelSerial(60)).toBeUndefined();
  });

  it('ignores the time of day', () => {
    expect(isoDateFromExcelSerial(44788.99)).toBe('2022-08-15');
    expect(isoDateFromExcelSerial(44788.5)).toBe('2022-08-15');
  });

  it('refuses serials outside Excel dates', () => {
    for (const serial of [0, 0.5, -1, 2958466, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(isoDateFromExcelSerial(serial)).toBeUndefined();
    }
    expect(excelSerialFromIsoDate('1899-12-31')).toBeUndefined();
    expect(excelSerialFromIsoDate('not a date')).toBeUndefined();
  });

  test.prop([fc.integer({ min: 1, max: 2958465 }).filter((n) => n !== 60)])(
    'round trips every serial',
    (serial) => {
      const iso = isoDateFromExcelSerial(serial);
      expect(iso).toBeDefined();
      expect(excelSerialFromIsoDate(iso!)).toBe(serial);
    },
  );

  test.prop([
    fc.date({
      min: new Date(Date.UTC(1900, 0, 1)),
      max: new Date(Date.UTC(9999, 11, 31)),
      noInvalidDate: true,
    }),
  ])('agrees with Date for every date from 1900-03-01 on, and round trips', (date) => {
    const iso = isoDateFromUtcMidnight(date)!;
    const serial = excelSerialFromIsoDate(iso)!;
    expect(isoDateFromExcelSerial(serial)).toBe(iso);
    if (iso >= '1900-03-01') {
      const utcMidnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
      expect(serial).toBe((utcMidnight - Date.UTC(1899, 11, 30)) / 86_400_000);
    }
  });
});

describe('isoDateFromUtcMidnight', () => {
  it('reads UTC parts, as exceljs dates are UTC midnight', () => {
    expect(isoDateFromUtcMidnight(new Date(Date.UTC(2022, 6, 1)))).toBe('2022-07-01');
    expect(isoDateFromUtcMidnight(new Date('2022-06-30T23:59:59Z'))).toBe('2022-06-30');
  });

  it('gives undefined for an invalid Date', () => {
    expect(isoDateFromUtcMidnight(new Date(Number.NaN))).toBeUndefined();
  });
});

describe('parseDateText', () => {
  it.each([
    ['2022-08-15', '2022-08-15'],
    ['2022-8-5', '2022-08-05'],
    ['2022/08/15', '2022-08-15'],
    ['15/08/2022', '2022-08-15'],
    ['5/8/2022', '2022-08-05'],
    ['15-08-2022', '2022-08-15'],
    ['15.08.2022', '2022-08-15'],
    ['15/08/22', '2022-08-15'],
    ['01/01/99', '1999-01-01'],
    ['15 Aug 2022', '2022-08-15'],
    ['15-Aug-2022', '2022-08-15'],
    ['15-Aug-22', '2022-08-15'],
    ['15 Sept 2022', '2022-09-15'],
    ['15th August 2022', '2022-08-15'],
    ['29th September 2022', '2022-09-29'],
    ['1st March 2023', '2023-03-01'],
    ['22nd of June 2022', '2022-06-22'],
    ['August 15, 2022', '2022-08-15'],
    ['Aug 15 2022', '2022-08-15'],
    ['august 15th, 2022', '2022-08-15'],
    ['  15  AUGUST   2022 ', '2022-08-15'],
    ['Thursday 29th September 2022', '2022-09-29'],
    ['Mon, 15 Aug 2022', '2022-08-15'],
    ['29/02/2024', '2024-02-29'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  it.each([
    '',
    '   ',
    'abc',
    'TBC',
    '31/09/2022',
    '29/02/2023',
    '2022-13-01',
    '15/08-2022',
    '15 Augtober 2022',
    '15 Au 2022',
    'Friday 29th September 2022',
    '44788',
    '2022',
    'Q2 2022/23',
    '15/08/2022 extra',
    '2022-08-15T10:00:00Z',
  ])('refuses %j', (text) => {
    expect(parseDateText(text)).toBeUndefined();
  });

  test.prop([fc.string()])('never throws, and gives only real ISO dates', (text) => {
    const iso = parseDateText(text);
    if (iso !== undefined) expect(isValidIsoDate(iso)).toBe(true);
  });

  test.prop([
    fc.integer({ min: 1000, max: 9999 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 31 }),
  ])('reads its own report format back', (y, m, d) => {
    const iso = isoDate(y, m, d);
    fc.pre(iso !== undefined);
    expect(parseDateText(formatDateForReport(iso!))).toBe(iso);
    expect(parseDateText(iso!)).toBe(iso);
  });
});

describe('dateFromCell', () => {
  it('reads date cells, serials and text', () => {
    expect(dateFromCell(dateCell('2022-08-15'))).toBe('2022-08-15');
    expect(dateFromCell(44788)).toBe('2022-08-15');
    expect(dateFromCell(44788.75)).toBe('2022-08-15');
    expect(dateFromCell('15/08/2022')).toBe('2022-08-15');
  });

  it('refuses everything else', () => {
    expect(dateFromCell(null)).toBeUndefined();
    expect(dateFromCell(undefined)).toBeUndefined();
    expect(dateFromCell(true)).toBeUndefined();
    expect(dateFromCell(0)).toBeUndefined();
    expect(dateFromCell(-3)).toBeUndefined();
    expect(dateFromCell(60)).toBeUndefined();
    expect(dateFromCell(3_000_000)).toBeUndefined();
    expect(dateFromCell(errorCell('#N/A'))).toBeUndefined();
    expect(dateFromCell(dateCell('2022-02-30'))).toBeUndefined();
    expect(dateFromCell(dateCell('garbage'))).toBeUndefined();
    expect(dateFromCell('abc')).toBeUndefined();
  });
});

describe('parts, order and report format', () => {
  it('splits an ISO date', () => {
    expect(yearOf('2022-08-15')).toBe(2022);
    expect(monthOf('2022-08-15')).toBe(8);
  });

  it('orders dates', () => {
    expect(compareIsoDates('2021-12-31', '2022-01-01')).toBeLessThan(0);
    expect(compareIsoDates('2022-01-01', '2022-01-01')).toBe(0);
    expect(compareIsoDates('2022-01-02', '2022-01-01')).toBeGreaterThan(0);
    expect(['2022-08-15', '2021-12-01', '2022-01-31'].sort(compareIsoDates)).toEqual([
      '2021-12-01',
      '2022-01-31',
      '2022-08-15',
    ]);
  });

  it('formats day-first for the report', () => {
    expect(formatDateForReport('2022-08-15')).toBe('15/08/2022');
    expect(formatDateForReport('2022-09-29')).toBe('29/09/2022');
  });
});
