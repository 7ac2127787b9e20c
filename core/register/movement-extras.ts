/**
 * The movement summary's optional counts and lists (PRODUCT §8), as data: each names its count
 * row, its list's section title, and the risks it counts — absent when the register has nothing
 * to count it from (no appetite anywhere, say), so a register without the columns lays out as
 * the seed's. A new count is one entry here.
 */
import type { RegisterModel, RiskRef } from './register-model.ts';
import { MANAGEMENT_MOVEMENT_EXTRAS } from './management-extras.ts';

export interface MovementExtra {
  /** The count row's label, e.g. `Above appetite`. */
  readonly label: string;
  /** How the one-line summary says it after the count, e.g. `above appetite`. */
  readonly word: string;
  /** The list's section title. */
  readonly section: string;
  /** What the list says when it is empty, e.g. `No risks are above appetite.` */
  readonly none: string;
  /** The risks counted, in register order; undefined when the register cannot say (the columns are absent). */
  readonly risks: (model: RegisterModel) => readonly RiskRef[] | undefined;
}

export const MOVEMENT_EXTRAS: readonly MovementExtra[] = [
  {
    label: 'Above appetite',
    word: 'above appetite',
    section: 'Risks above appetite',
    none: 'No risks are above appetite.',
    risks: (model) => model.movement.aboveAppetite,
  },
  ...MANAGEMENT_MOVEMENT_EXTRAS,
];

/** The extras this register has, each with its risks. */
export function shownMovementExtras(
  model: RegisterModel,
): { readonly extra: MovementExtra; readonly risks: readonly RiskRef[] }[] {
  return MOVEMENT_EXTRAS.flatMap((extra) => {
    const risks = extra.risks(model);
    return risks ? [{ extra, risks }] : [];
  });
}
