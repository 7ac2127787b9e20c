/**
 * When a risk is next due for review, and whether it is overdue at a quarter's end (PRODUCT §8):
 * its `Next review` date when given, else its last assessment plus its `Review frequency`. An
 * assessment is dated at the end of its quarter, since a register records only the quarter.
 */
import type { IsoDate } from '../cells/cell.ts';
import { compareIsoDates, daysInMonth, isoDate, monthOf, yearOf } from '../dates/dates.ts';
import type { FiscalCalendar, Quarter } from '../quarters/quarter.ts';
import { quarterEndDate } from '../quarters/quarter.ts';
import type { ReviewFrequency } from '../readers/review-frequency.ts';
import { MONTHS_BETWEEN_REVIEWS } from '../readers/review-frequency.ts';

/**
 * A date some whole months later; a day the later month lacks becomes its last day.
 * @example addMonthsToDate('2022-08-31', 1) // '2022-09-30'
 * @example addMonthsToDate('2022-12-31', 3) // '2023-03-31'
 */
export function addMonthsToDate(date: IsoDate, months: number): IsoDate {
  const total = yearOf(date) * 12 + monthOf(date) - 1 + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return isoDate(year, month, day)!;
}

export interface ReviewSchedule {
  readonly nextReview?: IsoDate;
  readonly reviewFrequency?: ReviewFrequency;
}

/**
 * The date a risk's next review is due, or undefined when nothing says.
 * @example nextReviewDueDate({ reviewFrequency: 'Quarterly' }, { fiscalYear: 2022, quarter: 1 }, APRIL_FISCAL_YEAR) // '2022-09-30'
 * @example nextReviewDueDate({ nextReview: '2022-08-01', reviewFrequency: 'Annually' }, undefined, APRIL_FISCAL_YEAR) // '2022-08-01'
 */
export function nextReviewDueDate(
  schedule: ReviewSchedule,
  lastAssessed: Quarter | undefined,
  calendar: FiscalCalendar,
): IsoDate | undefined {
  if (schedule.nextReview !== undefined) return schedule.nextReview;
  if (schedule.reviewFrequency === undefined || lastAssessed === undefined) return undefined;
  return addMonthsToDate(
    quarterEndDate(lastAssessed, calendar),
    MONTHS_BETWEEN_REVIEWS[schedule.reviewFrequency],
  );
}

/**
 * Whether a review falls due before the quarter's end (the quarter's last day itself is on time).
 * @example isReviewOverdueAt('2022-09-15', { fiscalYear: 2022, quarter: 2 }, APRIL_FISCAL_YEAR) // true
 * @example isReviewOverdueAt('2022-09-30', { fiscalYear: 2022, quarter: 2 }, APRIL_FISCAL_YEAR) // false
 */
export function isReviewOverdueAt(
  due: IsoDate | undefined,
  quarter: Quarter,
  calendar: FiscalCalendar,
): boolean {
  return due !== undefined && compareIsoDates(due, quarterEndDate(quarter, calendar)) < 0;
}
