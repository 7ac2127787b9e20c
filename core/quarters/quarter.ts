/**
 * Fiscal quarters. A quarter is named by the calendar year its fiscal year starts in and its
 * number within that year; the calendar (first month of the fiscal year) says which months
 * that is. April is the UK public-sector default: Q1 Apr-Jun … Q4 Jan-Mar.
 */
import type { CellValue, IsoDate } from '../cells/cell.ts';
import { isDateCell } from '../cells/cell.ts';
import { dateFromCell, daysInMonth, isoDate, monthOf, parseDateText, yearOf } from '../dates/dates.ts';

export interface Quarter {
  /** Calendar year in which the fiscal year starts: Q2 2022/23 has fiscalYear 2022. */
  readonly fiscalYear: number;
  readonly quarter: 1 | 2 | 3 | 4;
}

export interface FiscalCalendar {
  /** First month of the fiscal year, 1-12. 4 = April (default); 1 = calendar quarters. */
  readonly firstMonth: number;
}

export const APRIL_FISCAL_YEAR: FiscalCalendar = { firstMonth: 4 };

/** Calendar quarters: the fiscal year is the calendar year. */
export const CALENDAR_YEAR: FiscalCalendar = { firstMonth: 1 };

/**
 * A fiscal calendar whose year starts in `firstMonth` (1-12).
 * @throws RangeError when `firstMonth` is not a whole number from 1 to 12.
 * @example fiscalCalendar(4) // { firstMonth: 4 }
 */
export function fiscalCalendar(firstMonth: number): FiscalCalendar {
  if (!Number.isInteger(firstMonth) || firstMonth < 1 || firstMonth > 12) {
    throw new RangeError(`fiscal year start month ${String(firstMonth)} is not a whole number from 1 to 12`);
  }
  return { firstMonth };
}

/**
 * A quarter as one ordinal number, so quarters can be counted, compared and used as map keys.
 * @example quarterIndex({ fiscalYear: 2022, quarter: 2 }) // 8089
 */
export function quarterIndex(q: Quarter): number {
  return q.fiscalYear * 4 + q.quarter - 1;
}

/**
 * The quarter with a given ordinal (the inverse of `quarterIndex`).
 * @example quarterFromIndex(8089) // { fiscalYear: 2022, quarter: 2 }
 */
export function quarterFromIndex(index: number): Quarter {
  const fiscalYear = Math.floor(index / 4);
  return { fiscalYear, quarter: (index - fiscalYear * 4 + 1) as Quarter['quarter'] };
}

/** @example previousQuarter({ fiscalYear: 2022, quarter: 1 }) // { fiscalYear: 2021, quarter: 4 } */
export function previousQuarter(q: Quarter): Quarter {
  return quarterFromIndex(quarterIndex(q) - 1);
}

/** @example nextQuarter({ fiscalYear: 2022, quarter: 4 }) // { fiscalYear: 2023, quarter: 1 } */
export function nextQuarter(q: Quarter): Quarter {
  return quarterFromIndex(quarterIndex(q) + 1);
}

/**
 * Orders two quarters: negative when `a` is earlier, 0 when the same, positive when later.
 * @example compareQuarters({ fiscalYear: 2021, quarter: 4 }, { fiscalYear: 2022, quarter: 1 }) // -1
 */
export function compareQuarters(a: Quarter, b: Quarter): number {
  return Math.sign(quarterIndex(a) - quarterIndex(b));
}

/**
 * The quarters that have an assessment, each once, oldest first: what a host offers to report.
 * @example assessedQuarters([{ quarter: { fiscalYear: 2022, quarter: 2 } }, { quarter: { fiscalYear: 2021, quarter: 4 } }])
 * // [{ fiscalYear: 2021, quarter: 4 }, { fiscalYear: 2022, quarter: 2 }]
 */
export function assessedQuarters(assessments: readonly { readonly quarter: Quarter }[]): Quarter[] {
  const indexes = new Set(assessments.map((assessment) => quarterIndex(assessment.quarter)));
  return [...indexes].sort((a, b) => a - b).map(quarterFromIndex);
}

/**
 * The `count` quarters ending with `end`, oldest first: the register's trend columns.
 * @example quarterWindow({ fiscalYear: 2022, quarter: 2 }, 4).map((q) => formatQuarter(q, APRIL_FISCAL_YEAR))
 * // ['Q3 2021/22', 'Q4 2021/22', 'Q1 2022/23', 'Q2 2022/23']
 */
export function quarterWindow(end: Quarter, count: number): Quarter[] {
  const last = quarterIndex(end);
  const quarters: Quarter[] = [];
  for (let index = last - Math.max(0, Math.floor(count)) + 1; index <= last; index++) {
    quarters.push(quarterFromIndex(index));
  }
  return quarters;
}

// Unchecked: the callers build only real days.
function isoText(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Calendar year and month (1-12) of the first month of a quarter.
function firstMonthOf(q: Quarter, calendar: FiscalCalendar): { year: number; month: number } {
  const offset = calendar.firstMonth - 1 + (q.quarter - 1) * 3;
  return { year: q.fiscalYear + Math.floor(offset / 12), month: (offset % 12) + 1 };
}

/**
 * The first day of a quarter.
 * @example quarterStartDate({ fiscalYear: 2022, quarter: 4 }, APRIL_FISCAL_YEAR) // '2023-01-01'
 */
export function quarterStartDate(q: Quarter, calendar: FiscalCalendar): IsoDate {
  const { year, month } = firstMonthOf(q, calendar);
  return isoText(year, month, 1);
}

/**
 * The last day of a quarter.
 * @example quarterEndDate({ fiscalYear: 2022, quarter: 2 }, APRIL_FISCAL_YEAR) // '2022-09-30'
 */
export function quarterEndDate(q: Quarter, calendar: FiscalCalendar): IsoDate {
  const start = firstMonthOf(q, calendar);
  const offset = start.month - 1 + 2;
  const year = start.year + Math.floor(offset / 12);
  const month = (offset % 12) + 1;
  return isoText(year, month, daysInMonth(year, month));
}

/**
 * The quarter a date falls in.
 * @example quarterOfDate('2022-08-15', APRIL_FISCAL_YEAR) // { fiscalYear: 2022, quarter: 2 }
 * @example quarterOfDate('2023-02-01', APRIL_FISCAL_YEAR) // { fiscalYear: 2022, quarter: 4 }
 */
export function quarterOfDate(iso: IsoDate, calendar: FiscalCalendar): Quarter {
  const year = yearOf(iso);
  const month = monthOf(iso);
  const offset = (month - calendar.firstMonth + 12) % 12;
  return {
    fiscalYear: month >= calendar.firstMonth ? year : year - 1,
    quarter: (Math.floor(offset / 3) + 1) as Quarter['quarter'],
  };
}

function twoDigits(year: number): string {
  return String(((year % 100) + 100) % 100).padStart(2, '0');
}

/**
 * The canonical label of a quarter: `Q2 2022/23`, or `Q2 2022` for calendar quarters.
 * `parseQuarter` reads it back to the same quarter.
 * @example formatQuarter({ fiscalYear: 2022, quarter: 2 }, APRIL_FISCAL_YEAR) // 'Q2 2022/23'
 * @example formatQuarter({ fiscalYear: 2022, quarter: 2 }, CALENDAR_YEAR) // 'Q2 2022'
 */
export function formatQuarter(q: Quarter, calendar: FiscalCalendar): string {
  const year =
    calendar.firstMonth === 1 ? String(q.fiscalYear) : `${q.fiscalYear}/${twoDigits(q.fiscalYear + 1)}`;
  return `Q${q.quarter} ${year}`;
}

/**
 * The short label the register heads its trend columns with: `Q3 21/22`; calendar quarters
 * keep the full year (`Q3 2021`) because a bare `21` reads as nothing.
 * @example formatQuarterShort({ fiscalYear: 2021, quarter: 3 }, APRIL_FISCAL_YEAR) // 'Q3 21/22'
 * @example formatQuarterShort({ fiscalYear: 2021, quarter: 3 }, CALENDAR_YEAR) // 'Q3 2021'
 */
export function formatQuarterShort(q: Quarter, calendar: FiscalCalendar): string {
  const year =
    calendar.firstMonth === 1
      ? String(q.fiscalYear)
      : `${twoDigits(q.fiscalYear)}/${twoDigits(q.fiscalYear + 1)}`;
  return `Q${q.quarter} ${year}`;
}

const QUARTER_PART = '(?:q|qtr|quarter)\\s*([1-4])';
const YEAR_PART = '(fy\\s*)?(\\d{4}|\\d{2})(?:\\s*[/-]\\s*(\\d{4}|\\d{2}))?';
const SEPARATOR = '[\\s,:-]*';
const QUARTER_THEN_YEAR = new RegExp(`^${QUARTER_PART}${SEPARATOR}${YEAR_PART}$`);
const YEAR_THEN_QUARTER = new RegExp(`^${YEAR_PART}${SEPARATOR}${QUARTER_PART}$`);

// Two-digit years in quarter labels are this century: `22/23` is 2022/23.
function yearFromDigits(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

/**
 * Reads a quarter label in the common forms: `Q2 2022/23`, `2022/23 Q2`, `FY22/23 Q2`,
 * `Q2 FY2022/23`, `Q2 2022-23`, `Q2 22/23`, `2022/2023 Q2`, `Quarter 2 2022/23` (any case
 * and spacing). A fiscal year's two years must be consecutive. A single year names a
 * calendar quarter (`Q2 2022` is Apr-Jun 2022), read as the fiscal quarter holding its first
 * month; with calendar quarters a two-year label means nothing and gives undefined.
 * @example parseQuarter('FY22/23 Q2', APRIL_FISCAL_YEAR) // { fiscalYear: 2022, quarter: 2 }
 * @example parseQuarter('Q2 2022', APRIL_FISCAL_YEAR) // { fiscalYear: 2022, quarter: 1 }
 * @example parseQuarter('Q2 2022/24', APRIL_FISCAL_YEAR) // undefined
 */
export function parseQuarter(text: string, calendar: FiscalCalendar): Quarter | undefined {
  const label = matchQuarterLabel(text);
  if (!label) return undefined;
  const { quarter, fy, first, second } = label;
  const startYear = yearFromDigits(first);

  if (second !== undefined) {
    const endYear = second.length === 2 ? (startYear + 1) % 100 : startYear + 1;
    if (Number(second) !== endYear || calendar.firstMonth === 1) return undefined;
    return { fiscalYear: startYear, quarter };
  }
  if (calendar.firstMonth === 1)
    return first.length === 4 || fy ? { fiscalYear: startYear, quarter } : undefined;
  // `FY2023` alone is read both ways in practice (the year it starts or ends), and `Q2 22` could be
  // either a calendar or a fiscal year: refuse rather than guess (see ambiguousQuarter).
  if (fy || first.length === 2) return undefined;
  const start = isoDate(startYear, (quarter - 1) * 3 + 1, 1);
  return start === undefined ? undefined : quarterOfDate(start, calendar);
}

/**
 * The two quarters a label with one fiscal year could mean, where parseQuarter refuses to guess:
 * `FY23` is the year ending in 2023 to some and the one starting in 2023 to others.
 * @example ambiguousQuarter('Q2 FY23', APRIL_FISCAL_YEAR) // [{ fiscalYear: 2022, quarter: 2 }, { fiscalYear: 2023, quarter: 2 }]
 */
export function ambiguousQuarter(
  text: string,
  calendar: FiscalCalendar,
): readonly [Quarter, Quarter] | undefined {
  const label = matchQuarterLabel(text);
  if (!label || !label.fy || label.second !== undefined || calendar.firstMonth === 1) return undefined;
  const year = yearFromDigits(label.first);
  return [
    { fiscalYear: year - 1, quarter: label.quarter },
    { fiscalYear: year, quarter: label.quarter },
  ];
}

interface QuarterLabel {
  readonly quarter: Quarter['quarter'];
  /** `fy` when the label says FY. */
  readonly fy?: string;
  readonly first: string;
  readonly second?: string;
}

/** The parts of `Q2 2022/23`, `2022/23 Q2`, `FY22/23 Q2` and the like, before any calendar is applied. */
function matchQuarterLabel(text: string): QuarterLabel | undefined {
  const normal = text
    .trim()
    .toLowerCase()
    .replace(/[\u2010-\u2015]/g, '-');
  let quarterDigit: string | undefined;
  let fy: string | undefined;
  let first: string | undefined;
  let second: string | undefined;
  let match = QUARTER_THEN_YEAR.exec(normal);
  if (match) [, quarterDigit, fy, first, second] = match;
  else {
    match = YEAR_THEN_QUARTER.exec(normal);
    if (!match) return undefined;
    [, fy, first, second, quarterDigit] = match;
  }
  return {
    quarter: Number(quarterDigit) as Quarter['quarter'],
    first: first!,
    ...(fy ? { fy } : {}),
    ...(second !== undefined ? { second } : {}),
  };
}

/**
 * The quarter a cell names: a quarter label, or any date inside the quarter (a date cell, an
 * Excel serial number, or date text).
 * @example quarterFromCell('Q2 2022/23', APRIL_FISCAL_YEAR) // { fiscalYear: 2022, quarter: 2 }
 * @example quarterFromCell('15/08/2022', APRIL_FISCAL_YEAR) // { fiscalYear: 2022, quarter: 2 }
 * @example quarterFromCell(44788, APRIL_FISCAL_YEAR) // { fiscalYear: 2022, quarter: 2 }
 */
export function quarterFromCell(value: CellValue | undefined, calendar: FiscalCalendar): Quarter | undefined {
  if (typeof value === 'string') {
    const quarter = parseQuarter(value, calendar);
    if (quarter) return quarter;
    const date = parseDateText(value);
    return date === undefined ? undefined : quarterOfDate(date, calendar);
  }
  if (typeof value === 'number' || isDateCell(value)) {
    const date = dateFromCell(value);
    return date === undefined ? undefined : quarterOfDate(date, calendar);
  }
  return undefined;
}
