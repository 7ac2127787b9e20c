/**
 * Where an action stands at a date (PRODUCT §8): open until it is complete, overdue when open
 * and due before that date. An action completed after the date was still open then, so a past
 * quarter's register reads the same whenever it is regenerated.
 */
import type { IsoDate } from '../cells/cell.ts';
import { compareIsoDates } from '../dates/dates.ts';
import type { Action } from '../readers/action.ts';

type ActionDates = Pick<Action, 'status' | 'due' | 'completed'>;

/**
 * @example isActionOpenAt({ status: 'Complete', completed: '2022-10-03' }, '2022-09-30') // true
 * @example isActionOpenAt({ status: 'Complete' }, '2022-09-30') // false
 */
export function isActionOpenAt(action: ActionDates, date: IsoDate): boolean {
  if (action.status !== 'Complete') return true;
  return action.completed !== undefined && compareIsoDates(action.completed, date) > 0;
}

/**
 * @example isActionOverdueAt({ status: 'In progress', due: '2022-09-29' }, '2022-09-30') // true
 * @example isActionOverdueAt({ status: 'In progress', due: '2022-09-30' }, '2022-09-30') // false
 */
export function isActionOverdueAt(action: ActionDates, date: IsoDate): boolean {
  return isActionOpenAt(action, date) && action.due !== undefined && compareIsoDates(action.due, date) < 0;
}

export interface ActionCounts {
  readonly open: number;
  readonly overdue: number;
}

/** @example countActionsAt([{ status: 'Not started', due: '2022-01-01' }], '2022-09-30') // { open: 1, overdue: 1 } */
export function countActionsAt(actions: readonly ActionDates[], date: IsoDate): ActionCounts {
  let open = 0;
  let overdue = 0;
  for (const action of actions) {
    if (!isActionOpenAt(action, date)) continue;
    open++;
    if (action.due !== undefined && compareIsoDates(action.due, date) < 0) overdue++;
  }
  return { open, overdue };
}
