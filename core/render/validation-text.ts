// The texts of a data validation as Excel keeps them: titles and messages clipped to its limits.
import type { DataValidation } from '../layout/sheet-plan.ts';

/** Excel's limits on data validation texts (longer ones make Excel "repair" the file or refuse the rule). */
export const VALIDATION_TITLE_MAX = 32;
export const VALIDATION_TEXT_MAX = 255;

/**
 * The text cut to `max` characters, an ellipsis marking the cut.
 * @example clip('Probability level', 8) // 'Probabi…'
 */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export interface ValidationTexts {
  readonly prompt?: { readonly title: string; readonly text: string };
  readonly error: { readonly title: string; readonly text: string };
}

/** The prompt and error of a validation within Excel's limits; `clean` first makes text storable (the file writer's XML rules). */
export function validationTexts(
  validation: DataValidation,
  clean: (text: string) => string = (text) => text,
): ValidationTexts {
  const fit = (message: { title: string; text: string }) => ({
    title: clip(clean(message.title), VALIDATION_TITLE_MAX),
    text: clip(clean(message.text), VALIDATION_TEXT_MAX),
  });
  return {
    ...(validation.prompt ? { prompt: fit(validation.prompt) } : {}),
    error: fit(validation.error),
  };
}
