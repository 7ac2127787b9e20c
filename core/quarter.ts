/**
 * Fiscal quarters. A quarter is named by the calendar year its fiscal year starts in and its
 * number within that year; the calendar (first month of the fiscal year) says which months
 * that is. April is the UK public-sector default: Q1 Apr-Jun … Q4 Jan-Mar.
 */
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
