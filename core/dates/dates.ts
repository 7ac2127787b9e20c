/**
 * Calendar dates as ISO text (`YYYY-MM-DD`). Dates here are never instants: each host turns its
 * own date form (Excel serial, UTC-midnight `Date`, zoned `Date`) into an IsoDate once, so no
 * time zone can move a date across a quarter boundary. Day arithmetic is done on whole day
 * numbers, not `Date`, so nothing here depends on the machine's zone or clock.
 */
import type { CellValue, IsoDate } from '../cells/cell.ts';
import { isDateCell } from '../cells/cell.ts';

const MONTHS = 'january february march april may june july august september october november december'.split(
  ' ',
);

const WEEKDAYS = 'monday tuesday wednesday thursday friday saturday sunday'.split(' ');

const LAST_EXCEL_SERIAL = 2958465;

/**
 * Whether a year is a Gregorian leap year.
 * @example isLeapYear(2024) // true
 * @example isLeapYear(1900) // false
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Days in a month of a year (month 1-12).
 * @example daysInMonth(2024, 2) // 29
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * The IsoDate for a year, month (1-12) and day, or undefined when no such day exists.
 * Years run 1-9999 so that the text stays four digits and sorts as a date.
 * @example isoDate(2024, 2, 29) // '2024-02-29'
 * @example isoDate(2023, 2, 29) // undefined
 */
export function isoDate(year: number, month: number, day: number): IsoDate | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1 || year > 9999 || month < 1 || month > 12) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Whether text is a real date written exactly as `YYYY-MM-DD`.
 * @example isValidIsoDate('2022-08-15') // true
 * @example isValidIsoDate('2022-02-30') // false
 */
export function isValidIsoDate(text: string): text is IsoDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match !== null && isoDate(Number(match[1]), Number(match[2]), Number(match[3])) !== undefined;
}

/** @example yearOf('2022-08-15') // 2022 */
export function yearOf(iso: IsoDate): number {
  return Number(iso.slice(0, 4));
}

/** @example monthOf('2022-08-15') // 8 */
export function monthOf(iso: IsoDate): number {
  return Number(iso.slice(5, 7));
}

/** @example dayOf('2022-08-15') // 15 */
function dayOf(iso: IsoDate): number {
  return Number(iso.slice(8, 10));
}

/**
 * Orders two dates: negative when `a` is earlier, 0 when equal, positive when later.
 * ISO text sorts as dates do, so this is a string comparison.
 * @example ['2022-08-15', '2021-12-01'].sort(compareIsoDates) // ['2021-12-01', '2022-08-15']
 */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A date as the register prints it, UK day-first.
 * @example formatDateForReport('2022-08-15') // '15/08/2022'
 */
export function formatDateForReport(iso: IsoDate): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil).
function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

// The inverse of dayNumber (civil_from_days).
function dateOfDayNumber(days: number): IsoDate | undefined {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return isoDate(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

const EXCEL_EPOCH = dayNumber(1899, 12, 30);
const EXCEL_MARCH_1900 = dayNumber(1900, 3, 1);

/**
 * The date an Excel serial number (1900 date system) stands for. The fraction (time of day)
 * is ignored. Excel counts a 29 February 1900 that never existed: serial 60 is that day, so it
 * gives undefined, and serials 1-59 sit one day later than plain counting would put them.
 * @example isoDateFromExcelSerial(44788) // '2022-08-15'
 * @example isoDateFromExcelSerial(61) // '1900-03-01'
 * @example isoDateFromExcelSerial(60) // undefined
 */
export function isoDateFromExcelSerial(serial: number): IsoDate | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > LAST_EXCEL_SERIAL || whole === 60) return undefined;
  return dateOfDayNumber(EXCEL_EPOCH + (whole < 60 ? whole + 1 : whole));
}

/**
 * The Excel serial number (1900 date system) of a date, or undefined for dates Excel cannot
 * hold (before 1900-01-01) or text that is not a date.
 * @example excelSerialFromIsoDate('2022-08-15') // 44788
 * @example excelSerialFromIsoDate('1900-01-01') // 1
 */
export function excelSerialFromIsoDate(iso: IsoDate): number | undefined {
  if (!isValidIsoDate(iso) || iso < '1900-01-01') return undefined;
  const days = dayNumber(yearOf(iso), monthOf(iso), dayOf(iso));
  return days - EXCEL_EPOCH - (days < EXCEL_MARCH_1900 ? 1 : 0);
}

/**
 * The calendar date of a `Date` that stands at UTC midnight, as exceljs gives date cells.
 * UTC parts are read so the machine's own zone cannot shift the day.
 * @example isoDateFromUtcMidnight(new Date(Date.UTC(2022, 7, 15))) // '2022-08-15'
 */
export function isoDateFromUtcMidnight(date: Date): IsoDate | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

// Excel's reading of a two-digit year: 00-29 are 2000s, 30-99 are 1900s.
function fullYear(digits: string): number {
  const year = Number(digits);
  if (digits.length > 2) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

// A month name or an abbreviation of at least three letters (`Aug`, `Sept`).
function monthFromName(name: string): number | undefined {
  if (name.length < 3) return undefined;
  const index = MONTHS.findIndex((month) => month.startsWith(name));
  return index < 0 ? undefined : index + 1;
}

const ORDINAL = '(?:st|nd|rd|th)?';
const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/;
const DAY_MONTH_NAME = new RegExp(
  `^(\\d{1,2})${ORDINAL}[\\s-]*(?:of\\s+)?([a-z]+)\\.?,?[\\s-]*(\\d{4}|\\d{2})$`,
);
const MONTH_NAME_DAY = new RegExp(`^([a-z]+)\\.?\\s*(\\d{1,2})${ORDINAL},?\\s+(\\d{4})$`);
const WEEKDAY_PREFIX = /^([a-z]+)\.?,?\s+/;

/**
 * Reads a date as people type it in a UK register: ISO, day-first numbers, or a month name.
 * A leading weekday is allowed when it is the right one. Gives undefined for anything else,
 * including dates that do not exist.
 * @example parseDateText('15/08/2022') // '2022-08-15'
 * @example parseDateText('29th September 2022') // '2022-09-29'
 * @example parseDateText('August 15, 2022') // '2022-08-15'
 * @example parseDateText('31/09/2022') // undefined
 */
export function parseDateText(text: string): IsoDate | undefined {
  let rest = text.trim().toLowerCase().replace(/\s+/g, ' ');
  let weekday: number | undefined;
  const prefix = WEEKDAY_PREFIX.exec(rest);
  if (prefix) {
    const word = prefix[1]!;
    const index = word.length >= 3 ? WEEKDAYS.findIndex((name) => name.startsWith(word)) : -1;
    if (index >= 0) {
      weekday = index;
      rest = rest.slice(prefix[0].length);
    }
  }
  const date = parseDateWithoutWeekday(rest);
  if (date === undefined || weekday === undefined) return date;
  // 1970-01-01 (day 0) was a Thursday, index 3 counting from Monday.
  const actual = (((dayNumber(yearOf(date), monthOf(date), dayOf(date)) + 3) % 7) + 7) % 7;
  return actual === weekday ? date : undefined;
}

function parseDateWithoutWeekday(text: string): IsoDate | undefined {
  let match = YEAR_FIRST.exec(text);
  if (match) return isoDate(Number(match[1]), Number(match[3]), Number(match[4]));
  match = DAY_FIRST.exec(text);
  if (match) return isoDate(fullYear(match[4]!), Number(match[3]), Number(match[1]));
  match = DAY_MONTH_NAME.exec(text);
  if (match) {
    const month = monthFromName(match[2]!);
    return month === undefined ? undefined : isoDate(fullYear(match[3]!), month, Number(match[1]));
  }
  match = MONTH_NAME_DAY.exec(text);
  if (match) {
    const month = monthFromName(match[1]!);
    return month === undefined ? undefined : isoDate(Number(match[3]), month, Number(match[2]));
  }
  return undefined;
}

/**
 * The date a cell holds, however it holds it: a date cell, an Excel serial number
 * (1 to 2958465, i.e. up to 9999-12-31), or date text. Anything else gives undefined.
 * @example dateFromCell({ kind: 'date', iso: '2022-08-15' }) // '2022-08-15'
 * @example dateFromCell(44788) // '2022-08-15'
 * @example dateFromCell('15 Aug 2022') // '2022-08-15'
 * @example dateFromCell(true) // undefined
 */
export function dateFromCell(value: CellValue | undefined): IsoDate | undefined {
  if (typeof value === 'number') return isoDateFromExcelSerial(value);
  if (typeof value === 'string') return parseDateText(value);
  if (isDateCell(value))
    return typeof value.iso === 'string' && isValidIsoDate(value.iso) ? value.iso : undefined;
  return undefined;
}
