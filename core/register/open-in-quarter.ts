/**
 * Which risks a quarter's register covers, said once for the register and for the
 * re-assessment check: a risk is open in a quarter when it was raised by the quarter's end (or
 * has no date raised) and is Open (or Proposed for closure), or was closed or transferred after
 * the quarter's end.
 */
import type { IsoDate } from '../cells/cell.ts';
import { compareIsoDates } from '../dates/dates.ts';
import type { FiscalCalendar, Quarter } from '../quarters/quarter.ts';
import { quarterEndDate, quarterStartDate } from '../quarters/quarter.ts';
import type { Risk } from '../readers/risk.ts';
import { hasLeftRegister } from '../readers/risk-status.ts';

type QuarterDates = Pick<Risk, 'status' | 'dateRaised' | 'dateClosed'>;

function raisedBy(risk: QuarterDates, end: IsoDate): boolean {
  return risk.dateRaised === undefined || compareIsoDates(risk.dateRaised, end) <= 0;
}

/**
 * Whether a risk is open in a quarter. A Closed risk with no date closed is not (the reader
 * reports it as an error).
 * @example isOpenInQuarter({ status: 'Closed', dateClosed: '2022-10-01' }, { fiscalYear: 2022, quarter: 2 }, APRIL_FISCAL_YEAR) // true
 */
export function isOpenInQuarter(risk: QuarterDates, quarter: Quarter, calendar: FiscalCalendar): boolean {
  const end = quarterEndDate(quarter, calendar);
  if (!raisedBy(risk, end)) return false;
  if (!hasLeftRegister(risk.status)) return true;
  return risk.dateClosed !== undefined && compareIsoDates(risk.dateClosed, end) > 0;
}

/**
 * Whether a risk raised by the quarter's end was closed in the quarter, its first and last days included.
 * @example isClosedInQuarter({ status: 'Closed', dateClosed: '2022-09-30' }, { fiscalYear: 2022, quarter: 2 }, APRIL_FISCAL_YEAR) // true
 */
export function isClosedInQuarter<R extends QuarterDates>(
  risk: R,
  quarter: Quarter,
  calendar: FiscalCalendar,
): risk is R & { readonly dateClosed: IsoDate } {
  return risk.status === 'Closed' && leftInQuarter(risk, quarter, calendar);
}

/**
 * Whether a risk raised by the quarter's end was transferred to another register in the quarter
 * (its Date closed is the day it left).
 * @example isTransferredInQuarter({ status: 'Transferred', dateClosed: '2022-07-01' }, { fiscalYear: 2022, quarter: 2 }, APRIL_FISCAL_YEAR) // true
 */
export function isTransferredInQuarter<R extends QuarterDates>(
  risk: R,
  quarter: Quarter,
  calendar: FiscalCalendar,
): risk is R & { readonly dateClosed: IsoDate } {
  return risk.status === 'Transferred' && leftInQuarter(risk, quarter, calendar);
}

function leftInQuarter(risk: QuarterDates, quarter: Quarter, calendar: FiscalCalendar): boolean {
  const end = quarterEndDate(quarter, calendar);
  if (risk.dateClosed === undefined || !raisedBy(risk, end)) return false;
  return (
    compareIsoDates(risk.dateClosed, quarterStartDate(quarter, calendar)) >= 0 &&
    compareIsoDates(risk.dateClosed, end) <= 0
  );
}
