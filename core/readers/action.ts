/** One row of the optional Actions sheet (PRODUCT §8), and the statuses an action can have. */
import type { IsoDate } from '../cells/cell.ts';
import { normaliseHeader } from '../cells/header-key.ts';

export type ActionStatus = 'Not started' | 'In progress' | 'Complete';

/** The statuses in the order a list offers them. */
export const ACTION_STATUSES: readonly ActionStatus[] = ['Not started', 'In progress', 'Complete'];

export interface Action {
  /** The risk's ID as the Risks sheet writes it. */
  readonly riskId: string;
  readonly action: string;
  readonly owner: string;
  readonly due?: IsoDate;
  readonly status: ActionStatus;
  readonly completed?: IsoDate;
  /** 0-based index of the row in the Actions grid, for addressing issues. */
  readonly row: number;
}

/** What people type for each status, compared as headers are (case, spaces and punctuation ignored). */
const STATUS_WORDS: Readonly<Record<ActionStatus, readonly string[]>> = {
  'Not started': ['Not started', 'Not yet started', 'Planned', 'To do', 'Open', 'New'],
  'In progress': ['In progress', 'Ongoing', 'Started', 'Underway', 'In hand', 'On track', 'Delayed'],
  Complete: ['Complete', 'Completed', 'Done', 'Closed', 'Finished'],
};

const STATUS_OF_WORD: ReadonlyMap<string, ActionStatus> = new Map(
  ACTION_STATUSES.flatMap((status) => STATUS_WORDS[status].map((word) => [normaliseHeader(word), status])),
);

/**
 * The status an action's Status cell names, or undefined for text that names none.
 * @example actionStatusOf('completed') // 'Complete'
 * @example actionStatusOf('On-going') // 'In progress'
 * @example actionStatusOf('Maybe') // undefined
 */
export function actionStatusOf(text: string): ActionStatus | undefined {
  return STATUS_OF_WORD.get(normaliseHeader(text));
}
