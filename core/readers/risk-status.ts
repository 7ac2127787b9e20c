/**
 * The statuses a risk can have on the Risks sheet (PRODUCT §8) and the words registers use for
 * them: Open (blank too), Proposed for closure (still open, awaiting the committee), Closed, and
 * Transferred (moved to another register, escalated or de-escalated).
 */
import { normaliseHeader } from '../cells/header-key.ts';
import { choicesText } from '../issues/messages.ts';

export type RiskStatus = 'Open' | 'Proposed for closure' | 'Closed' | 'Transferred';

/** The statuses in the order a list offers them. */
export const RISK_STATUSES: readonly RiskStatus[] = ['Open', 'Proposed for closure', 'Closed', 'Transferred'];

/** Statuses of a risk still on the register. */
export type OpenStatus = Extract<RiskStatus, 'Open' | 'Proposed for closure'>;

/** Statuses of a risk that has left the register on its Date closed. */
export function hasLeftRegister(status: RiskStatus): status is 'Closed' | 'Transferred' {
  return status === 'Closed' || status === 'Transferred';
}

const STATUS_WORDS: Readonly<Record<RiskStatus, readonly string[]>> = {
  Open: ['Open', 'Active', 'Live', 'Current'],
  'Proposed for closure': [
    'Proposed for closure',
    'Recommended for closure',
    'Proposed closure',
    'Proposed to close',
    'Recommended to close',
    'For closure',
    'Pending closure',
    'Closure proposed',
    'Closure recommended',
  ],
  Closed: ['Closed'],
  Transferred: ['Transferred', 'Escalated', 'De-escalated', 'Deescalated', 'Moved'],
};

const STATUS_OF_WORD: ReadonlyMap<string, RiskStatus> = new Map(
  RISK_STATUSES.flatMap((status) => STATUS_WORDS[status].map((word) => [normaliseHeader(word), status])),
);

/** `Escalated to portfolio`, `De-escalated to the Crime portfolio`, `Transferred to Finance register`. */
const MOVED_TO = /^\s*(?:transferred|escalated|de-?\s?escalated|moved)\s+to\s+(.+?)\s*$/i;

export interface StatusReading {
  readonly status: RiskStatus;
  /** Where a Transferred status itself says the risk went (`Escalated to portfolio` → `portfolio`). */
  readonly to?: string;
}

/**
 * The status a Status cell names, or undefined for text that names none.
 * @example riskStatusOf('Recommended for closure') // { status: 'Proposed for closure' }
 * @example riskStatusOf('Escalated to portfolio') // { status: 'Transferred', to: 'portfolio' }
 * @example riskStatusOf('Maybe') // undefined
 */
export function riskStatusOf(text: string): StatusReading | undefined {
  const status = STATUS_OF_WORD.get(normaliseHeader(text));
  if (status) return { status };
  const moved = MOVED_TO.exec(text);
  return moved ? { status: 'Transferred', to: moved[1]! } : undefined;
}

/** `Open, Proposed for closure, Closed or Transferred`, for messages and prompts. */
export const RISK_STATUS_CHOICES = choicesText(RISK_STATUSES);
