import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { dateCell, errorCell } from '../../../core/cells/cell.ts';
import type { FiscalCalendar, Quarter } from '../../../core/quarters/quarter.ts';
import {
  APRIL_FISCAL_YEAR,
  ambiguousQuarter,
  assessedQuarters,
  CALENDAR_YEAR,
  compareQuarters,
  fiscalCalendar,
  formatQuarter,
  formatQuarterShort,
  nextQuarter,
  parseQuarter,
  previousQuarter,
  quarterEndDate,
  quarterFromCell,
  quarterFromIndex,
  quarterIndex,
  quarterOfDate,
  quarterStartDate,
  quarterWindow,
} from '../../../core/quarters/quarter.ts';
import { readOneRiskRegister } from '../../support/one-risk-register.ts';

const q = (fiscalYear: number, quarter: 1 | 2 | 3 | 4): Quarter => ({ fiscalYear, quarter });
const april = APRIL_FISCAL_YEAR;

const arbQuarter = (minYear = 1000, maxYear = 9998) =>
  fc.record({
    fiscalYear: fc.integer({ min: minYear, max: maxYear }),
    quarter: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
  });
const arbCalendar = fc.integer({ min: 1, max: 12 }).map(fiscalCalendar);

describe('assessedQuarters', () => {
  it('lists each assessed quarter once, oldest first', () => {
    const assessments = [q(2022, 2), q(2021, 4), q(2022, 2), q(2022, 1)].map((quarter) => ({ quarter }));
    expect(assessedQuarters(assessments)).toEqual([q(2021, 4), q(2022, 1), q(2022, 2)]);
  });

  test.prop([fc.array(arbQuarter())])('is sorted, distinct and covers every assessment', (quarters) => {
    const listed = assessedQuarters(quarters.map((quarter) => ({ quarter })));
    const indexes = listed.map(quarterIndex);
    expect(indexes).toEqual([...new Set(quarters.map(quarterIndex))].sort((a, b) => a - b));
  });
});

describe('fiscalCalendar', () => {
  it('accepts months 1-12', () => {
    expect(fiscalCalendar(1)).toEqual({ firstMonth: 1 });
    expect(fiscalCalendar(12)).toEqual({ firstMonth: 12 });
  });

  it.each([0, 13, 4.5, Number.NaN, -1])('refuses %d', (month) => {
    expect(() => fiscalCalendar(month)).toThrow(RangeError);
    expect(() => fiscalCalendar(month)).toThrow(/1 to 12/);
  });
});

describe('formatQuarter', () => {
  it('writes the canonical label', () => {
    expect(formatQuarter(q(2022, 2), april)).toBe('Q2 2022/23');
    expect(formatQuarter(q(1999, 4), april)).toBe('Q4 1999/00');
    expect(formatQuarter(q(2022, 2), CALENDAR_YEAR)).toBe('Q2 2022');
  });

  it('writes the short label of the register columns', () => {
    expect(formatQuarterShort(q(2021, 3), april)).toBe('Q3 21/22');
    expect(formatQuarterShort(q(2009, 1), april)).toBe('Q1 09/10');
    expect(formatQuarterShort(q(2021, 3), CALENDAR_YEAR)).toBe('Q3 2021');
  });
});

describe('parseQuarter', () => {
  it.each([
    'Q2 2022/23',
    '2022/23 Q2',
    'FY22/23 Q2',
    'FY2022/23 Q2',
    'Q2 FY22/23',
    'Q2 FY2022/23',
    'Q2 2022-23',
    'Q2 2022–23',
    'Q2 22/23',
    '2022/2023 Q2',
    'Quarter 2 2022/23',
    'Qtr 2 2022/23',
    'q2 2022/23',
    '  Q2   2022 / 23 ',
    'Q2-2022/23',
    'Q22022/23',
    'fy 22/23 q2',
    '2022/23, Q2',
  ])('reads %j as Q2 2022/23', (text) => {
    expect(parseQuarter(text, april)).toEqual(q(2022, 2));
  });

  it('reads the turn of the century', () => {
    expect(parseQuarter('Q4 1999/00', april)).toEqual(q(1999, 4));
    expect(parseQuarter('Q4 1999/2000', april)).toEqual(q(1999, 4));
  });

  it('reads a single year as a calendar quarter, placed in the fiscal year', () => {
    // Apr-Jun 2022 is fiscal Q1 2022/23; Jan-Mar 2022 is Q4 2021/22.
    expect(parseQuarter('Q2 2022', april)).toEqual(q(2022, 1));
    expect(parseQuarter('Q1 2022', april)).toEqual(q(2021, 4));
    expect(parseQuarter('2022 Q4', april)).toEqual(q(2022, 3));
    // A calendar whose quarters do not line up with calendar quarters: the one holding the first month.
    expect(parseQuarter('Q2 2022', fiscalCalendar(5))).toEqual(q(2021, 4));
    expect(parseQuarter('Q2 2022', CALENDAR_YEAR)).toEqual(q(2022, 2));
    expect(parseQuarter('FY2022 Q2', CALENDAR_YEAR)).toEqual(q(2022, 2));
  });

  it.each([
    '',
    'Q2',
    '2022/23',
    'Q5 2022/23',
    'Q0 2022/23',
    'Q2 2022/24',
    'Q2 2022/22',
    'Q2 22/24',
    'Q2 2022/2024',
    'Q2 FY23',
    'FY2022 Q2',
    'Q2 22',
    'Q2 2022/23 Q3',
    'Q2 2022/23 extra',
    'Second quarter 2022',
    'abc',
  ])('refuses %j with an April year', (text) => {
    expect(parseQuarter(text, april)).toBeUndefined();
  });

  it('refuses a fiscal-year label when quarters are calendar quarters', () => {
    expect(parseQuarter('Q2 2022/23', CALENDAR_YEAR)).toBeUndefined();
    expect(parseQuarter('Q2 22', CALENDAR_YEAR)).toBeUndefined();
  });

  test.prop([arbQuarter(), arbCalendar])('reads back every canonical label', (quarter, calendar) => {
    expect(parseQuarter(formatQuarter(quarter, calendar), calendar)).toEqual(quarter);
  });

  test.prop([arbQuarter(2000, 2098), arbCalendar])(
    'reads back every short label this century',
    (quarter, calendar) => {
      expect(parseQuarter(formatQuarterShort(quarter, calendar), calendar)).toEqual(quarter);
    },
  );

  test.prop([fc.string(), arbCalendar])('never throws on any text', (text, calendar) => {
    const quarter = parseQuarter(text, calendar);
    if (quarter) expect([1, 2, 3, 4]).toContain(quarter.quarter);
  });
});

describe('dates and quarters', () => {
  it('places dates in April fiscal quarters', () => {
    expect(quarterOfDate('2022-04-01', april)).toEqual(q(2022, 1));
    expect(quarterOfDate('2022-06-30', april)).toEqual(q(2022, 1));
    expect(quarterOfDate('2022-07-01', april)).toEqual(q(2022, 2));
    expect(quarterOfDate('2022-08-15', april)).toEqual(q(2022, 2));
    expect(quarterOfDate('2022-12-31', april)).toEqual(q(2022, 3));
    expect(quarterOfDate('2023-01-01', april)).toEqual(q(2022, 4));
    expect(quarterOfDate('2023-03-31', april)).toEqual(q(2022, 4));
  });

  it('places dates in calendar quarters', () => {
    expect(quarterOfDate('2022-01-01', CALENDAR_YEAR)).toEqual(q(2022, 1));
    expect(quarterOfDate('2022-12-31', CALENDAR_YEAR)).toEqual(q(2022, 4));
  });

  it('gives the first and last day of a quarter', () => {
    expect(quarterStartDate(q(2022, 2), april)).toBe('2022-07-01');
    expect(quarterEndDate(q(2022, 2), april)).toBe('2022-09-30');
    expect(quarterStartDate(q(2022, 4), april)).toBe('2023-01-01');
    expect(quarterEndDate(q(2023, 4), april)).toBe('2024-03-31');
    expect(quarterEndDate(q(2024, 1), CALENDAR_YEAR)).toBe('2024-03-31');
    expect(quarterStartDate(q(2022, 4), fiscalCalendar(12))).toBe('2023-09-01');
    expect(quarterEndDate(q(2022, 4), fiscalCalendar(12))).toBe('2023-11-30');
    // Leap day at the end of a quarter that ends in February.
    expect(quarterEndDate(q(2023, 4), fiscalCalendar(3))).toBe('2024-02-29');
  });

  test.prop([arbQuarter(), arbCalendar])(
    'a quarter holds its own first and last day',
    (quarter, calendar) => {
      expect(quarterOfDate(quarterStartDate(quarter, calendar), calendar)).toEqual(quarter);
      expect(quarterOfDate(quarterEndDate(quarter, calendar), calendar)).toEqual(quarter);
    },
  );

  test.prop([arbQuarter(), arbCalendar])(
    'quarters tile the calendar: the day after one ends, the next begins',
    (quarter, calendar) => {
      const nextStart = quarterStartDate(nextQuarter(quarter), calendar);
      const end = quarterEndDate(quarter, calendar);
      expect(end < nextStart).toBe(true);
      // nextStart is the day after end: same month+1 or year+1, day 1.
      expect(nextStart.endsWith('-01')).toBe(true);
      expect(quarterOfDate(nextStart, calendar)).toEqual(nextQuarter(quarter));
    },
  );
});

describe('quarterFromCell', () => {
  it('reads labels, dates, serials and date text', () => {
    expect(quarterFromCell('Q2 2022/23', april)).toEqual(q(2022, 2));
    expect(quarterFromCell(dateCell('2022-08-15'), april)).toEqual(q(2022, 2));
    expect(quarterFromCell(44788, april)).toEqual(q(2022, 2));
    expect(quarterFromCell('15/08/2022', april)).toEqual(q(2022, 2));
    expect(quarterFromCell('29th September 2022', april)).toEqual(q(2022, 2));
  });

  it('refuses what names no quarter', () => {
    expect(quarterFromCell(null, april)).toBeUndefined();
    expect(quarterFromCell(undefined, april)).toBeUndefined();
    expect(quarterFromCell(true, april)).toBeUndefined();
    expect(quarterFromCell(0, april)).toBeUndefined();
    expect(quarterFromCell(errorCell('#N/A'), april)).toBeUndefined();
    expect(quarterFromCell(dateCell('nonsense'), april)).toBeUndefined();
    expect(quarterFromCell('next quarter', april)).toBeUndefined();
  });
});

describe('counting quarters', () => {
  it('numbers quarters in order', () => {
    expect(quarterIndex(q(2022, 2))).toBe(2022 * 4 + 1);
    expect(quarterFromIndex(2022 * 4 + 1)).toEqual(q(2022, 2));
    expect(quarterFromIndex(-1)).toEqual(q(-1, 4));
  });

  it('steps across fiscal years', () => {
    expect(previousQuarter(q(2022, 1))).toEqual(q(2021, 4));
    expect(nextQuarter(q(2022, 4))).toEqual(q(2023, 1));
  });

  it('compares quarters', () => {
    expect(compareQuarters(q(2021, 4), q(2022, 1))).toBeLessThan(0);
    expect(compareQuarters(q(2022, 1), q(2022, 1))).toBe(0);
    expect(compareQuarters(q(2022, 2), q(2022, 1))).toBeGreaterThan(0);
  });

  it('lists the window ending with a quarter, oldest first', () => {
    expect(quarterWindow(q(2022, 2), 4).map((x) => formatQuarter(x, april))).toEqual([
      'Q3 2021/22',
      'Q4 2021/22',
      'Q1 2022/23',
      'Q2 2022/23',
    ]);
    expect(quarterWindow(q(2022, 2), 1)).toEqual([q(2022, 2)]);
    expect(quarterWindow(q(2022, 2), 0)).toEqual([]);
    expect(quarterWindow(q(2022, 2), -3)).toEqual([]);
  });

  test.prop([fc.integer({ min: -100_000, max: 100_000 })])('index and quarter convert both ways', (index) => {
    const quarter = quarterFromIndex(index);
    expect([1, 2, 3, 4]).toContain(quarter.quarter);
    expect(quarterIndex(quarter)).toBe(index);
    expect(previousQuarter(nextQuarter(quarter))).toEqual(quarter);
  });

  test.prop([arbQuarter(), fc.integer({ min: 1, max: 40 })])(
    'a window is count consecutive quarters',
    (end, count) => {
      const window = quarterWindow(end, count);
      expect(window).toHaveLength(count);
      expect(window.at(-1)).toEqual(end);
      for (let i = 1; i < window.length; i++) expect(window[i]).toEqual(nextQuarter(window[i - 1]!));
    },
  );
});

// A calendar for every month behaves the same way.
describe.each([1, 4, 7, 10, 2, 12])('calendar starting in month %d', (firstMonth) => {
  const calendar: FiscalCalendar = fiscalCalendar(firstMonth);
  it('starts Q1 in its first month', () => {
    expect(quarterStartDate(q(2022, 1), calendar)).toBe(`2022-${String(firstMonth).padStart(2, '0')}-01`);
  });
});

describe('ambiguousQuarter', () => {
  it('gives both readings of a one-year fiscal label under an April year, and none where the label is clear', () => {
    expect(ambiguousQuarter('Q2 FY23', APRIL_FISCAL_YEAR)).toEqual([
      { fiscalYear: 2022, quarter: 2 },
      { fiscalYear: 2023, quarter: 2 },
    ]);
    expect(ambiguousQuarter('FY2023 Q1', APRIL_FISCAL_YEAR)).toEqual([
      { fiscalYear: 2022, quarter: 1 },
      { fiscalYear: 2023, quarter: 1 },
    ]);
    expect(ambiguousQuarter('Q2 FY22/23', APRIL_FISCAL_YEAR)).toBeUndefined();
    expect(ambiguousQuarter('Q2 FY23', CALENDAR_YEAR)).toBeUndefined();
    expect(ambiguousQuarter('Quarter five', APRIL_FISCAL_YEAR)).toBeUndefined();
  });

  it('the Assessments reader calls such a label ambiguous at its cell, with the two readings', () => {
    const read = readOneRiskRegister([['CRR1', 'Q2 FY23', 2, 2]]);
    expect(read.issues).toEqual([
      {
        severity: 'error',
        sheet: 'Assessments',
        cell: 'B2',
        message: 'quarter "Q2 FY23" is ambiguous: Q2 2022/23 or Q2 2023/24; write it in full',
      },
    ]);
  });
});
