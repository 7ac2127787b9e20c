/**
 * The movement summary's management counts (PRODUCT §8), entries of movement-extras.ts: risks
 * proposed for closure and transferred (when there are any), overdue reviews (when Risks has
 * review columns), and risks with overdue actions or no open action (when there is an Actions sheet).
 */
import type { RegisterModel, RiskRef } from './register-model.ts';
import type { MovementExtra } from './movement-extras.ts';

/** A list shown only when it has risks: a register that never proposes or transfers lays out as the seed's. */
const whenAny = (list: readonly RiskRef[]) => (list.length > 0 ? list : undefined);

export const MANAGEMENT_MOVEMENT_EXTRAS: readonly MovementExtra[] = [
  {
    label: 'Proposed for closure',
    word: 'proposed for closure',
    section: 'Risks proposed for closure',
    none: 'No risks are proposed for closure.',
    risks: (model) => whenAny(model.movement.proposedForClosure),
  },
  {
    label: 'Transferred to other registers',
    word: 'transferred',
    section: 'Risks transferred to other registers',
    none: 'No risks were transferred.',
    risks: (model) => whenAny(model.movement.transferred),
  },
  {
    label: 'Overdue for review',
    word: 'overdue for review',
    section: 'Risks overdue for review',
    none: 'No risks are overdue for review.',
    risks: (model: RegisterModel) => (model.management.reviews ? model.movement.reviewsOverdue : undefined),
  },
  {
    label: 'With overdue actions',
    word: 'with overdue actions',
    section: 'Risks with overdue actions',
    none: 'No risks have overdue actions.',
    risks: (model) => (model.management.actions ? model.movement.withOverdueActions : undefined),
  },
  {
    label: 'With no open action',
    word: 'with no open action',
    section: 'Risks with no open action',
    none: 'Every risk has an open action.',
    risks: (model) => (model.management.actions ? model.movement.withoutOpenAction : undefined),
  },
];
