/** How often a risk is reviewed (Risks column `Review frequency`, PRODUCT §8), as registers write it. */
import { normaliseHeader } from '../cells/header-key.ts';

export type ReviewFrequency = 'Monthly' | 'Quarterly' | '6-monthly' | 'Annually';

/** The frequencies in the order a list offers them, with the months between reviews. */
export const REVIEW_FREQUENCIES: readonly ReviewFrequency[] = [
  'Monthly',
  'Quarterly',
  '6-monthly',
  'Annually',
];

export const MONTHS_BETWEEN_REVIEWS: Readonly<Record<ReviewFrequency, number>> = {
  Monthly: 1,
  Quarterly: 3,
  '6-monthly': 6,
  Annually: 12,
};

const WORDS: Readonly<Record<ReviewFrequency, readonly string[]>> = {
  Monthly: ['Monthly', 'Every month', '1 month', '1-monthly'],
  Quarterly: ['Quarterly', 'Every quarter', '3-monthly', 'Three-monthly', 'Every 3 months', '3 months'],
  '6-monthly': [
    '6-monthly',
    'Six-monthly',
    'Half-yearly',
    'Biannually',
    'Bi-annually',
    'Twice yearly',
    'Every 6 months',
    '6 months',
  ],
  Annually: ['Annually', 'Annual', 'Yearly', 'Every year', '12-monthly', 'Every 12 months', '12 months'],
};

const FREQUENCY_OF_WORD: ReadonlyMap<string, ReviewFrequency> = new Map(
  REVIEW_FREQUENCIES.flatMap((f) => WORDS[f].map((word) => [normaliseHeader(word), f])),
);

/**
 * The frequency a cell names, or undefined for text that names none.
 * @example reviewFrequencyOf('half-yearly') // '6-monthly'
 * @example reviewFrequencyOf('fortnightly') // undefined
 */
export function reviewFrequencyOf(text: string): ReviewFrequency | undefined {
  return FREQUENCY_OF_WORD.get(normaliseHeader(text));
}
