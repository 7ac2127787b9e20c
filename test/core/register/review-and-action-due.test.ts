import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { APRIL_FISCAL_YEAR, CALENDAR_YEAR } from '../../../core/quarters/quarter.ts';
import { countActionsAt, isActionOpenAt, isActionOverdueAt } from '../../../core/register/action-due.ts';
import { addMonthsToDate, isReviewOverdueAt, nextReviewDueDate } from '../../../core/register/review-due.ts';
import { FC_SEED } from '../../support/fc-seed.ts';

const Q2 = { fiscalYear: 2022, quarter: 2 } as const;

describe('addMonthsToDate', () => {
  it.each([
    ['2022-08-31', 1, '2022-09-30'],
    ['2022-12-31', 3, '2023-03-31'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2022-01-15', -1, '2021-12-15'],
  ] as const)('%s + %d months = %s', (date, months, expected) =>
    expect(addMonthsToDate(date, months)).toBe(expected),
  );
});

describe('nextReviewDueDate and isReviewOverdueAt', () => {
  it('takes the next review date when given, whatever the frequency says', () => {
    expect(
      nextReviewDueDate({ nextReview: '2022-08-01', reviewFrequency: 'Annually' }, Q2, APRIL_FISCAL_YEAR),
    ).toBe('2022-08-01');
  });
  it('else counts the frequency from the end of the quarter last assessed', () => {
    const q1 = { fiscalYear: 2022, quarter: 1 } as const;
    expect(nextReviewDueDate({ reviewFrequency: 'Quarterly' }, q1, APRIL_FISCAL_YEAR)).toBe('2022-09-30');
    expect(nextReviewDueDate({ reviewFrequency: 'Monthly' }, q1, APRIL_FISCAL_YEAR)).toBe('2022-07-30');
    expect(nextReviewDueDate({ reviewFrequency: '6-monthly' }, q1, CALENDAR_YEAR)).toBe('2022-09-30');
    expect(nextReviewDueDate({ reviewFrequency: 'Annually' }, undefined, APRIL_FISCAL_YEAR)).toBeUndefined();
    expect(nextReviewDueDate({}, q1, APRIL_FISCAL_YEAR)).toBeUndefined();
  });
  it('is overdue when due before the quarter’s last day, not on it', () => {
    expect(isReviewOverdueAt('2022-09-29', Q2, APRIL_FISCAL_YEAR)).toBe(true);
    expect(isReviewOverdueAt('2022-09-30', Q2, APRIL_FISCAL_YEAR)).toBe(false);
    expect(isReviewOverdueAt(undefined, Q2, APRIL_FISCAL_YEAR)).toBe(false);
  });
});

describe('actions at a date', () => {
  const end = '2022-09-30';
  it('an action is open until complete; one completed after the date was open then', () => {
    expect(isActionOpenAt({ status: 'In progress' }, end)).toBe(true);
    expect(isActionOpenAt({ status: 'Complete', completed: '2022-09-30' }, end)).toBe(false);
    expect(isActionOpenAt({ status: 'Complete', completed: '2022-10-01' }, end)).toBe(true);
    expect(isActionOpenAt({ status: 'Complete' }, end)).toBe(false);
  });
  it('an open action due before the date is overdue', () => {
    expect(isActionOverdueAt({ status: 'Not started', due: '2022-09-29' }, end)).toBe(true);
    expect(isActionOverdueAt({ status: 'Not started', due: '2022-09-30' }, end)).toBe(false);
    expect(isActionOverdueAt({ status: 'Not started' }, end)).toBe(false);
    expect(isActionOverdueAt({ status: 'Complete', due: '2022-01-01', completed: '2022-02-01' }, end)).toBe(
      false,
    );
  });
  it('counts open and overdue actions', () => {
    expect(
      countActionsAt(
        [
          { status: 'Not started', due: '2022-01-01' },
          { status: 'In progress', due: '2022-12-01' },
          { status: 'Complete', completed: '2022-03-01', due: '2022-01-01' },
        ],
        end,
      ),
    ).toEqual({ open: 2, overdue: 1 });
  });
});

const arbDate = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const arbAction = fc.record(
  {
    status: fc.constantFrom('Not started', 'In progress', 'Complete') as fc.Arbitrary<
      'Not started' | 'In progress' | 'Complete'
    >,
    due: arbDate,
    completed: arbDate,
  },
  { requiredKeys: ['status'] },
);
test.prop([fc.array(arbAction, { maxLength: 20 }), arbDate], { ...FC_SEED })(
  'countActionsAt agrees with isActionOpenAt and isActionOverdueAt',
  (actions, date) => {
    expect(countActionsAt(actions, date)).toEqual({
      open: actions.filter((a) => isActionOpenAt(a, date)).length,
      overdue: actions.filter((a) => isActionOverdueAt(a, date)).length,
    });
  },
);
