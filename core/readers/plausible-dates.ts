/**
 * Numbers that cannot be the dates a register means (issue #18): a year typed in a date column
 * (2022 in General format is day 2022, 1905-07-14) or a quarter number typed as the Quarter (2 is
 * 1900-01-02). Read as serials they give silently wrong dates; these say so at the cell.
 */
import type { CellValue } from '../cells/cell.ts';
import { excelSerialFromIsoDate, formatDateForReport, isoDateFromExcelSerial } from '../dates/dates.ts';

/** Serials of the dates a register can mean: 1990-01-01 to 2100-12-31. */
const FIRST_SERIAL = excelSerialFromIsoDate('1990-01-01')!;
const LAST_SERIAL = excelSerialFromIsoDate('2100-12-31')!;

/** True for a number that is a date serial from 1990 to 2100 (time of day allowed). */
export function isPlausibleDateSerial(value: number): boolean {
  return value >= FIRST_SERIAL && value < LAST_SERIAL + 1;
}

/**
 * Why a number in a date column is not a date, or undefined when it may be one (or is no number).
 * @example implausibleDateNumber(2022, 'date closed') // 'date closed 2022 looks like a year, not a date'
 */
export function implausibleDateNumber(value: CellValue, label: string): string | undefined {
  if (typeof value !== 'number' || isPlausibleDateSerial(value)) return undefined;
  if (Number.isInteger(value) && value >= 1900 && value <= 2100)
    return `${label} ${value} looks like a year, not a date`;
  // A number that is no day at all is "not a date" where dates are read; one that is, says which.
  const date = isoDateFromExcelSerial(value);
  if (date === undefined) return undefined;
  return `${label} ${value} is not a plausible date: as a day number it is ${formatDateForReport(date)}, outside 1990-2100`;
}

/**
 * Why a number in the Quarter column is not a quarter, or undefined when it may be a date in one.
 * @example notAQuarterNumber(2, 'Q2 2022/23') // 'quarter 2 is not a quarter: write it as a label such as Q2 2022/23, or a date'
 */
export function notAQuarterNumber(value: CellValue, example: string): string | undefined {
  if (typeof value !== 'number' || isPlausibleDateSerial(value)) return undefined;
  if (isoDateFromExcelSerial(value) === undefined) return undefined;
  const year = Number.isInteger(value) && value >= 1900 && value <= 2100 ? ' (it looks like a year)' : '';
  return `quarter ${value} is not a quarter${year}: write it as a label such as ${example}, or a date`;
}
