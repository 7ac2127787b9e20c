/**
 * The default matrix against the reference register's "RISK SCORING GUIDANCE" (Sept 2022).
 * Expected values are copied from the reference, not from the code.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_IMPACT_CATEGORIES,
  DEFAULT_MATRIX,
  DEFAULT_MATRIX_SPEC,
} from '../../../core/matrix/default-matrix.ts';
import { checkMatrix } from '../../../core/matrix/matrix-shape.ts';
import { scoreOf } from '../../../core/matrix/matrix.ts';
import { ratingOf } from '../../../core/matrix/matrix-lookup.ts';

const impact = (value: number) => DEFAULT_MATRIX_SPEC.impact.find((level) => level.value === value)!;
const probability = (value: number) =>
  DEFAULT_MATRIX_SPEC.probability.find((level) => level.value === value)!;

describe('default matrix', () => {
  it('is a valid 5x5 matrix named as the brief says', () => {
    expect(checkMatrix(DEFAULT_MATRIX_SPEC).ok).toBe(true);
    expect(DEFAULT_MATRIX_SPEC.name).toBe('Force risk matrix');
    expect(DEFAULT_MATRIX.impactLevels).toBe(5);
    expect(DEFAULT_MATRIX.probabilityLevels).toBe(5);
  });

  it('describes every impact level in all eight categories, in the guidance order', () => {
    expect([...DEFAULT_IMPACT_CATEGORIES]).toEqual([
      'Service',
      'Performance',
      'Finance',
      'Reputation',
      'Legal',
      'Safety',
      'Human Rights / Diversity',
      'Wellbeing',
    ]);
    for (const level of DEFAULT_MATRIX_SPEC.impact) {
      expect(Object.keys(level.categories ?? {})).toEqual([...DEFAULT_IMPACT_CATEGORIES]);
      for (const text of Object.values(level.categories ?? {})) expect(text.trim()).not.toBe('');
      expect(level.label).not.toBe('');
      expect(level.description).not.toBe('');
    }
    expect(DEFAULT_MATRIX_SPEC.impact.map((level) => level.label)).toEqual([
      'Minimal',
      'Minor',
      'Moderate',
      'Major',
      'Severe',
    ]);
  });

  it.each<[number, string, string]>([
    [5, 'Finance', 'Costs over £2m'],
    [4, 'Finance', 'Costs of between £1m and £2m'],
    [3, 'Finance', 'Costs of between £500k and £1m'],
    [2, 'Finance', 'Costs of between £100k and £500k'],
    [1, 'Finance', 'Costs of below £100k'],
    [
      5,
      'Service',
      'Major impact on a critical service area or multiple service areas with widespread and sustained disruption',
    ],
    [4, 'Service', 'Serious impact on key services with a noticeable impact for the public'],
    [3, 'Service', 'Impact on non-critical service or short term disruption'],
    [2, 'Service', 'Slight impact on service delivery'],
    [1, 'Service', 'Impact is easily manageable or is of little concern to public'],
    [
      3,
      'Performance',
      'Impact on performance resulting in potential difficulties in achieving key Force performance objectives but where corrective action can still be taken',
    ],
    [
      5,
      'Reputation',
      'Sustained national media coverage over sustained period / Removal of Command Team member / External inquiry',
    ],
    [2, 'Reputation', 'Short term customer dissatisfaction'],
    [5, 'Legal', 'Prosecution. Major Claims/fines against the Force.'],
    [3, 'Legal', 'Significant Litigation /claims against the Force. Within insurance cover'],
    [2, 'Legal', 'Claims, minor complaints Within insurance cover'],
    [1, 'Legal', 'Unlikely to lead to a claim'],
    [5, 'Safety', 'Multiple fatalities or multiple permanent injuries'],
    [4, 'Safety', 'Single Fatality or severe injury to several people'],
    [3, 'Safety', 'Major injury'],
    [2, 'Safety', 'Minor or slight injury'],
    [1, 'Safety', 'Unlikely to have any safety implications'],
    [5, 'Human Rights / Diversity', 'Major unjustified impacts or interference'],
    [2, 'Human Rights / Diversity', 'Impact of interference is manageable with existing resources'],
    [1, 'Human Rights / Diversity', 'No impact on diversity / human rights'],
    [
      5,
      'Wellbeing',
      'Very likely to have a significant impact on officer/staff wellbeing and will require coordinated response and referral to support services.',
    ],
    [3, 'Wellbeing', 'Likely to impact officer/staff wellbeing and require referral to support services.'],
    [
      1,
      'Wellbeing',
      'Negligible impact on officer/staff wellbeing and unlikely to require referral to support services.',
    ],
  ])('impact %i %s reads as the guidance', (value, category, text) => {
    expect(impact(value).categories?.[category]).toBe(text);
  });

  it.each<[number, string, string, string, string]>([
    [
      1,
      'Remote',
      '0% - 5%',
      'No indications at this point that the risk will happen',
      'Once every 10 years or more',
    ],
    [
      2,
      'Unlikely',
      '5% - 20%',
      'Limited indications at this point that the risk will happen',
      'Once every 5 to 10 years',
    ],
    [
      3,
      'Some likelihood',
      '20% - 50%',
      'Some indications that the risk will happen',
      'Once every 2 to 5 years',
    ],
    [
      4,
      'Likely',
      '50% - 80%',
      'Has previously occurred within the Force / Area / Department or there are indications that the risk will happen',
      'Once every 1 to 2 years',
    ],
    [
      5,
      'Very likely',
      '80% or more',
      'Has regularly occurred within the Force / Area / Department or there are strong indications that the risk will happen',
      'More than once a year',
    ],
  ])('probability %i is %s, %s', (value, label, chance, description, frequency) => {
    const level = probability(value);
    expect(level.label).toBe(label);
    expect(level.chance).toBe(chance);
    expect(level.description).toBe(description);
    expect(level.frequency).toContain(frequency);
  });

  it('keeps the guidance wording of how likely each probability is', () => {
    expect(probability(5).frequency).toContain('As certain as we can be that it will happen');
    expect(probability(4).frequency).toContain('More likely to happen than not to happen');
    expect(probability(3).frequency).toContain('More likely not to happen than to happen');
    expect(probability(2).frequency).toContain('Unlikely to happen but possible');
    expect(probability(1).frequency).toContain('Extremely Unlikely');
  });

  it('has the four bands of "Risk Scores", least severe first, with RAG colours', () => {
    expect(DEFAULT_MATRIX_SPEC.bands).toEqual([
      { rating: 'Low', min: 1, max: 4 },
      { rating: 'Medium', min: 5, max: 10 },
      { rating: 'High', min: 12, max: 16 },
      { rating: 'Critical', min: 20, max: 25 },
    ]);
    expect(DEFAULT_MATRIX_SPEC.ratings.map((rating) => rating.name)).toEqual([
      'Low',
      'Medium',
      'High',
      'Critical',
    ]);
    expect(DEFAULT_MATRIX_SPEC.ratings[0]!.colour).toBe('#92D050');
    for (const rating of DEFAULT_MATRIX_SPEC.ratings) expect(rating.colour).toMatch(/^#[0-9A-F]{6}$/);
    expect(DEFAULT_MATRIX_SPEC.grid).toBeUndefined();
  });

  // The guidance's score table, probability 5 at the top, impact 1..5 across.
  const REFERENCE_SCORES = [
    [5, 10, 15, 20, 25],
    [4, 8, 12, 16, 20],
    [3, 6, 9, 12, 15],
    [2, 4, 6, 8, 10],
    [1, 2, 3, 4, 5],
  ];
  const REFERENCE_RATINGS = [
    ['Medium', 'Medium', 'High', 'Critical', 'Critical'],
    ['Low', 'Medium', 'High', 'High', 'Critical'],
    ['Low', 'Medium', 'Medium', 'High', 'High'],
    ['Low', 'Low', 'Medium', 'Medium', 'Medium'],
    ['Low', 'Low', 'Low', 'Low', 'Medium'],
  ];

  it('scores and rates every cell as the guidance table does', () => {
    for (let row = 0; row < 5; row++) {
      const p = 5 - row;
      for (let i = 1; i <= 5; i++) {
        expect(scoreOf(i, p), `impact ${i} × probability ${p}`).toBe(REFERENCE_SCORES[row]![i - 1]);
        expect(ratingOf(DEFAULT_MATRIX, i, p).name, `impact ${i} × probability ${p}`).toBe(
          REFERENCE_RATINGS[row]![i - 1],
        );
      }
    }
  });
});

describe('default matrix storage', () => {
  // Snapshot of the spec as written out in full before it was stored compactly: every text a
  // user sees, key for key and in order.
  it('expands to exactly the spec it was transcribed as', () => {
    const expected: unknown = JSON.parse(
      readFileSync(new URL('./default-matrix-spec.json', import.meta.url), 'utf8'),
    );
    expect(DEFAULT_MATRIX_SPEC).toStrictEqual(expected);
    expect(JSON.stringify(DEFAULT_MATRIX_SPEC, null, 2)).toBe(JSON.stringify(expected, null, 2));
  });
});
