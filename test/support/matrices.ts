/** Sample matrices other than the default, for tests that must not assume a 5×5 banded matrix. */
import { fc } from '@fast-check/vitest';
import { matrixFromSpec } from '../../core/matrix/check-matrix.ts';
import type { MatrixLevel, MatrixSpec } from '../../core/matrix/matrix.ts';

function levels(labels: readonly string[], noun: string): MatrixLevel[] {
  return labels.map((label, index) => ({ value: index + 1, label, description: `${label} ${noun}` }));
}

/** 4×4 with four bands; scores 5, 7, 10, 11, 13-15 are unreachable and left out. */
export const FOUR_BY_FOUR_BANDS_SPEC: MatrixSpec = {
  name: 'Four by four',
  impact: levels(['Low', 'Medium', 'High', 'Very high'], 'impact'),
  probability: levels(['Rare', 'Possible', 'Likely', 'Almost certain'], 'probability'),
  ratings: [
    { name: 'Green', colour: '#00B050' },
    { name: 'Yellow', colour: '#FFFF00' },
    { name: 'Amber', colour: '#FFC000' },
    { name: 'Red', colour: '#FF0000', fontColour: '#FFFFFF' },
  ],
  bands: [
    { rating: 'Red', min: 12, max: 16 },
    { rating: 'Green', min: 1, max: 3 },
    { rating: 'Amber', min: 8, max: 9 },
    { rating: 'Yellow', min: 4, max: 6 },
  ],
};

/** 6×6 decided per cell, with six ratings including compound names. */
export const SIX_BY_SIX_GRID_SPEC: MatrixSpec = {
  name: 'Six by six',
  impact: levels(['Insignificant', 'Minor', 'Moderate', 'Major', 'Severe', 'Catastrophic'], 'impact'),
  probability: levels(
    ['Rare', 'Unlikely', 'Possible', 'Likely', 'Very likely', 'Almost certain'],
    'probability',
  ),
  ratings: [
    { name: 'Negligible', colour: '#C6EFCE' },
    { name: 'Low', colour: '#92D050' },
    { name: 'Medium', colour: '#FFEB9C' },
    { name: 'High/Medium', colour: '#FFC000' },
    { name: 'High', colour: '#FF6600' },
    { name: 'Severe', colour: '#C00000' },
  ],
  grid: [
    ['Negligible', 'Negligible', 'Low', 'Low', 'Medium', 'Medium'],
    ['Negligible', 'Low', 'Low', 'Medium', 'Medium', 'High/Medium'],
    ['Low', 'Low', 'Medium', 'Medium', 'High/Medium', 'High'],
    ['Low', 'Medium', 'Medium', 'High/Medium', 'High', 'High'],
    ['Medium', 'Medium', 'High/Medium', 'High', 'High', 'Severe'],
    ['Medium', 'High/Medium', 'High', 'High', 'Severe', 'Severe'],
  ],
};

/**
 * 5×5 decided per cell, where impact weighs more than probability: score 12 is High at
 * impact 4 / probability 3 but Medium at impact 3 / probability 4. It also carries bands,
 * which the grid overrides.
 */
export const FIVE_BY_FIVE_GRID_SPEC: MatrixSpec = {
  name: 'Impact-weighted five by five',
  impact: levels(['Minimal', 'Minor', 'Moderate', 'Major', 'Severe'], 'impact'),
  probability: levels(['Remote', 'Unlikely', 'Possible', 'Likely', 'Very likely'], 'probability'),
  ratings: [
    { name: 'Low', colour: '#92D050' },
    { name: 'Medium', colour: '#FFC000' },
    { name: 'High', colour: '#ED7D31' },
    { name: 'Critical', colour: '#C00000' },
  ],
  bands: [
    { rating: 'Low', min: 1, max: 4 },
    { rating: 'Medium', min: 5, max: 10 },
    { rating: 'High', min: 12, max: 16 },
    { rating: 'Critical', min: 20, max: 25 },
  ],
  grid: [
    ['Low', 'Low', 'Low', 'Medium', 'Medium'],
    ['Low', 'Low', 'Medium', 'Medium', 'High'],
    ['Low', 'Medium', 'Medium', 'High', 'High'],
    ['Low', 'Medium', 'Medium', 'High', 'Critical'],
    ['Medium', 'Medium', 'High', 'Critical', 'Critical'],
  ],
};

/**
 * 4 impact × 6 probability levels: a matrix need not be square.
 */
export const FOUR_BY_SIX_BANDS_SPEC: MatrixSpec = {
  name: 'Four by six',
  impact: levels(['Minor', 'Moderate', 'Major', 'Extreme'], 'impact'),
  probability: levels(['Rare', 'Unlikely', 'Possible', 'Likely', 'Very likely', 'Certain'], 'probability'),
  ratings: [
    { name: 'Low', colour: '#92D050' },
    { name: 'Medium', colour: '#FFC000' },
    { name: 'High', colour: '#C00000' },
  ],
  bands: [
    { rating: 'Low', min: 1, max: 5 },
    { rating: 'Medium', min: 6, max: 12 },
    { rating: 'High', min: 13, max: 24 },
  ],
};

/** `spec` with some ratings renamed (`{ Green: 'impact' }`) in its ratings, bands and grid: for tests of awkward names. */
export function withRatingsRenamed(spec: MatrixSpec, names: Readonly<Record<string, string>>): MatrixSpec {
  const rename = (name: string) => names[name] ?? name;
  return {
    ...spec,
    ratings: spec.ratings.map((rating) => ({ ...rating, name: rename(rating.name) })),
    ...(spec.bands ? { bands: spec.bands.map((band) => ({ ...band, rating: rename(band.rating) })) } : {}),
    ...(spec.grid ? { grid: spec.grid.map((row) => row.map(rename)) } : {}),
  };
}

export const FOUR_BY_FOUR_BANDS = matrixFromSpec(FOUR_BY_FOUR_BANDS_SPEC);
export const SIX_BY_SIX_GRID = matrixFromSpec(SIX_BY_SIX_GRID_SPEC);
export const FIVE_BY_FIVE_GRID = matrixFromSpec(FIVE_BY_FIVE_GRID_SPEC);
export const FOUR_BY_SIX_BANDS = matrixFromSpec(FOUR_BY_SIX_BANDS_SPEC);

const hexColour = fc
  .array(fc.constantFrom(...'0123456789ABCDEF'), { minLength: 6, maxLength: 6 })
  .map((digits) => `#${digits.join('')}`);

/**
 * Random valid band matrices: 2-10 levels each way, 1-6 ratings whose contiguous bands cover
 * every score from 1 to the largest, least severe first.
 */
export const bandMatrixSpecArbitrary: fc.Arbitrary<MatrixSpec> = fc
  .record({
    impactLevels: fc.integer({ min: 2, max: 10 }),
    probabilityLevels: fc.integer({ min: 2, max: 10 }),
    ratingCount: fc.integer({ min: 1, max: 6 }),
    cutSeeds: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }),
    colours: fc.array(hexColour, { minLength: 6, maxLength: 6 }),
    reverseBands: fc.boolean(),
  })
  .map(({ impactLevels, probabilityLevels, ratingCount, cutSeeds, colours, reverseBands }) => {
    const top = impactLevels * probabilityLevels;
    // Distinct upper bounds for all but the last band, which ends at the top score.
    const cuts = [
      ...new Set(
        cutSeeds.slice(0, ratingCount - 1).map((seed) => Math.min(top - 1, 1 + Math.floor(seed * (top - 1)))),
      ),
    ].sort((a, b) => a - b);
    const names = ['Low', 'Medium', 'High/Medium', 'High', 'Severe', 'Critical'].slice(0, cuts.length + 1);
    const bands = names.map((rating, index) => ({
      rating,
      min: index === 0 ? 1 : cuts[index - 1]! + 1,
      max: index === cuts.length ? top : cuts[index]!,
    }));
    return {
      name: `Random ${impactLevels}x${probabilityLevels}`,
      impact: levels(
        Array.from({ length: impactLevels }, (_, i) => `Impact ${i + 1}`),
        'impact',
      ),
      probability: levels(
        Array.from({ length: probabilityLevels }, (_, i) => `Probability ${i + 1}`),
        'probability',
      ),
      ratings: names.map((name, index) => ({ name, colour: colours[index]! })),
      bands: reverseBands ? bands.reverse() : bands,
    };
  });
