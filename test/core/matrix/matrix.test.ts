import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { DEFAULT_MATRIX, DEFAULT_MATRIX_SPEC } from '../../../core/matrix/default-matrix.ts';
import { matrixFromSpec } from '../../../core/matrix/check-matrix.ts';
import { checkMatrix, validateMatrix } from '../../../core/matrix/matrix-shape.ts';
import { fontColourFor, levelRangeText, scoreOf, type MatrixSpec } from '../../../core/matrix/matrix.ts';
import { ratingIndexOf, ratingOf, severityOfRating } from '../../../core/matrix/matrix-lookup.ts';
import {
  bandMatrixSpecArbitrary,
  FIVE_BY_FIVE_GRID,
  FIVE_BY_FIVE_GRID_SPEC,
  FOUR_BY_FOUR_BANDS,
  FOUR_BY_FOUR_BANDS_SPEC,
  FOUR_BY_SIX_BANDS,
  FOUR_BY_SIX_BANDS_SPEC,
  SIX_BY_SIX_GRID,
  SIX_BY_SIX_GRID_SPEC,
} from '../../support/matrices.ts';

/** A copy of a spec with some fields replaced, as plain JSON (so invalid shapes can be written). */
function variant(spec: MatrixSpec, changes: Record<string, unknown>): Record<string, unknown> {
  return { ...(JSON.parse(JSON.stringify(spec)) as Record<string, unknown>), ...changes };
}

function errorsOf(input: unknown): string[] {
  const checked = checkMatrix(input);
  if (checked.ok) throw new Error('expected the matrix to be rejected');
  return checked.errors;
}

const levels = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ value: i + 1, label: `L${i + 1}`, description: '' }));

describe('checkMatrix accepts', () => {
  it.each([
    ['the default', DEFAULT_MATRIX_SPEC],
    ['4x4 bands given out of order', FOUR_BY_FOUR_BANDS_SPEC],
    ['6x6 grid', SIX_BY_SIX_GRID_SPEC],
    ['5x5 grid with bands', FIVE_BY_FIVE_GRID_SPEC],
    ['4 impact x 6 probability', FOUR_BY_SIX_BANDS_SPEC],
  ])('%s, keeping the spec as given', (_, spec) => {
    const checked = checkMatrix(spec);
    expect(checked).toMatchObject({ ok: true });
    if (!checked.ok) return;
    expect(checked.matrix.spec).toEqual(spec);
    expect(checked.matrix.impactLevels).toBe(spec.impact.length);
    expect(checked.matrix.probabilityLevels).toBe(spec.probability.length);
    expect(checked.matrix.ratingIndex).toHaveLength(spec.probability.length);
    for (const row of checked.matrix.ratingIndex) expect(row).toHaveLength(spec.impact.length);
  });

  it('levels listed in any order, sorting them', () => {
    const shuffled = variant(FOUR_BY_FOUR_BANDS_SPEC, {
      impact: [...FOUR_BY_FOUR_BANDS_SPEC.impact].reverse(),
    });
    const checked = checkMatrix(shuffled);
    expect(checked.ok && checked.matrix.spec.impact.map((level) => level.value)).toEqual([1, 2, 3, 4]);
  });

  it('ratings named in another case in bands and grid, keeping the rating spelling', () => {
    const input = variant(FIVE_BY_FIVE_GRID_SPEC, {
      grid: FIVE_BY_FIVE_GRID_SPEC.grid!.map((row) => row.map((name) => ` ${name.toUpperCase()} `)),
      bands: FIVE_BY_FIVE_GRID_SPEC.bands!.map((band) => ({ ...band, rating: band.rating.toLowerCase() })),
    });
    const checked = checkMatrix(input);
    expect(checked.ok && checked.matrix.spec).toEqual(FIVE_BY_FIVE_GRID_SPEC);
  });

  it('a rectangular matrix and rates each cell by its band', () => {
    expect(FOUR_BY_SIX_BANDS.impactLevels).toBe(4);
    expect(FOUR_BY_SIX_BANDS.probabilityLevels).toBe(6);
    expect(ratingOf(FOUR_BY_SIX_BANDS, 4, 6).name).toBe('High'); // 24
    expect(ratingOf(FOUR_BY_SIX_BANDS, 2, 6).name).toBe('Medium'); // 12
    expect(ratingOf(FOUR_BY_SIX_BANDS, 1, 5).name).toBe('Low'); // 5
  });

  it('a grid over its bands', () => {
    // Bands rate score 12 High; the grid says Medium at impact 3 / probability 4.
    expect(ratingOf(FIVE_BY_FIVE_GRID, 3, 4).name).toBe('Medium');
    expect(ratingOf(FIVE_BY_FIVE_GRID, 4, 3).name).toBe('High');
  });

  it('a grid matrix without bands, and a two-level matrix', () => {
    const tiny = {
      name: 'Tiny',
      impact: levels(2),
      probability: levels(2),
      ratings: [{ name: 'Only', colour: '#000000' }],
    };
    expect(
      checkMatrix({
        ...tiny,
        grid: [
          ['Only', 'Only'],
          ['Only', 'Only'],
        ],
      }).ok,
    ).toBe(true);
    expect(checkMatrix({ ...tiny, bands: [{ rating: 'Only', min: 1, max: 4 }] }).ok).toBe(true);
  });
});

describe('checkMatrix rejects, naming the fault', () => {
  const base = FOUR_BY_FOUR_BANDS_SPEC;
  it.each<[string, unknown, string]>([
    ['no object', null, 'a matrix must be an object'],
    ['a list', [], 'a matrix must be an object'],
    ['no name', variant(base, { name: undefined }), 'matrix name is missing'],
    ['a blank name', variant(base, { name: '  ' }), 'matrix name is missing'],
    ['a numeric name', variant(base, { name: 4 }), 'matrix name must be text'],
    ['no impact levels', variant(base, { impact: undefined }), 'impact levels are missing'],
    ['impact not a list', variant(base, { impact: { value: 1 } }), 'impact must be a list of levels'],
    [
      'one level',
      variant(base, { probability: levels(1) }),
      'probability has 1 level; a matrix needs 2 to 10',
    ],
    ['eleven levels', variant(base, { impact: levels(11) }), 'impact has 11 levels; a matrix needs 2 to 10'],
    [
      'a level numbered past the count',
      variant(base, { impact: [...levels(3), { value: 5, label: 'X', description: '' }] }),
      'impact level 5 is outside 1-4: 4 levels are numbered 1-4',
    ],
    [
      'level 0',
      variant(base, { impact: [{ value: 0, label: 'Z', description: '' }, ...levels(3)] }),
      'impact level 0 is outside 1-4',
    ],
    [
      'a repeated level',
      variant(base, { probability: [...levels(3), { value: 2, label: 'Again', description: '' }] }),
      'probability level 2 appears twice',
    ],
    [
      'a fractional level',
      variant(base, { impact: [...levels(3), { value: 3.5, label: 'X', description: '' }] }),
      'impact level 3.5 is not a whole number',
    ],
    [
      'a level without number',
      variant(base, { impact: [...levels(3), { label: 'X' }] }),
      'impact level 4 in the list has no level number',
    ],
    [
      'a level without label',
      variant(base, { impact: [...levels(3), { value: 4, label: ' ' }] }),
      'impact level 4 has no label',
    ],
    [
      'a numeric description',
      variant(base, { impact: [...levels(3), { value: 4, label: 'X', description: 7 }] }),
      'impact level 4 description must be text, not 7',
    ],
    [
      'a category that is not text',
      variant(base, { impact: [...levels(3), { value: 4, label: 'X', categories: { Finance: 5 } }] }),
      'impact level 4 category "Finance" must be text, not 5',
    ],
    ['no ratings', variant(base, { ratings: [] }), 'ratings must list at least one rating'],
    [
      'a repeated rating',
      variant(base, { ratings: [...base.ratings, { name: 'amber', colour: '#000000' }] }),
      'rating "amber" appears twice',
    ],
    [
      'a named colour',
      variant(base, { ratings: [{ name: 'Green', colour: 'green' }, ...base.ratings.slice(1)] }),
      'rating "Green" colour "green" is not a colour like #92D050',
    ],
    [
      'a short colour',
      variant(base, { ratings: [{ name: 'Green', colour: '#0F0' }, ...base.ratings.slice(1)] }),
      'rating "Green" colour "#0F0" is not a colour like #92D050',
    ],
    [
      'a bad font colour',
      variant(base, {
        ratings: [{ name: 'Green', colour: '#00FF00', fontColour: 'black' }, ...base.ratings.slice(1)],
      }),
      'rating "Green" font colour "black" is not a colour like #000000',
    ],
    [
      'a band of an unknown rating',
      variant(base, { bands: [...base.bands!, { rating: 'Purple', min: 17, max: 20 }] }),
      'band Purple names rating "Purple", which is not one of the ratings (Green, Yellow, Amber, Red)',
    ],
    [
      'a band upside down',
      variant(base, { bands: [{ rating: 'Green', min: 3, max: 1 }, ...base.bands!.slice(1)] }),
      'band Green min 3 is greater than its max 1',
    ],
    [
      'a band without max',
      variant(base, { bands: [{ rating: 'Red', min: 12 }, ...base.bands!.slice(1)] }),
      'band Red has no max',
    ],
    [
      'a band bound that is text',
      variant(base, { bands: [{ rating: 'Red', min: 'twelve', max: 16 }, ...base.bands!.slice(1)] }),
      'band Red min "twelve" is not a number',
    ],
    [
      'overlapping bands, naming both',
      variant(base, { bands: [...base.bands!.slice(0, 3), { rating: 'Yellow', min: 3, max: 6 }] }),
      'bands Green (1-3) and Yellow (3-6) overlap at 3',
    ],
    [
      'a reachable score without band',
      variant(base, { bands: base.bands!.filter((band) => band.rating !== 'Amber') }),
      'impact 3 × probability 3 (score 9) has no rating',
    ],
    ['neither bands nor grid', variant(base, { bands: undefined }), 'matrix has neither bands nor a grid'],
    [
      'a grid with too few rows',
      variant(SIX_BY_SIX_GRID_SPEC, { grid: SIX_BY_SIX_GRID_SPEC.grid!.slice(1) }),
      'grid has 5 rows but there are 6 probability levels',
    ],
    [
      'a grid row too short',
      variant(SIX_BY_SIX_GRID_SPEC, {
        grid: SIX_BY_SIX_GRID_SPEC.grid!.map((row, p) => (p === 2 ? row.slice(1) : row)),
      }),
      'grid row for probability 3 has 5 cells but there are 6 impact levels',
    ],
    [
      'a grid cell naming no rating',
      variant(SIX_BY_SIX_GRID_SPEC, {
        grid: SIX_BY_SIX_GRID_SPEC.grid!.map((row, p) =>
          p === 3 ? row.map((c, i) => (i === 1 ? 'Amber' : c)) : row,
        ),
      }),
      'grid cell impact 2 × probability 4 names "Amber", which is not one of the ratings',
    ],
    [
      'a blank grid cell',
      variant(SIX_BY_SIX_GRID_SPEC, {
        grid: SIX_BY_SIX_GRID_SPEC.grid!.map((row, p) =>
          p === 0 ? row.map((c, i) => (i === 5 ? '' : c)) : row,
        ),
      }),
      'grid cell impact 6 × probability 1 is blank',
    ],
  ])('%s', (_, input, message) => {
    const errors = errorsOf(input);
    expect(
      errors.some((error) => error.includes(message)),
      `${errors.join('\n')}\nshould include: ${message}`,
    ).toBe(true);
  });

  it('lists every fault at once', () => {
    const errors = errorsOf(
      variant(base, {
        name: '',
        ratings: [
          { name: 'Green', colour: 'x' },
          { name: 'Red', colour: 'y' },
        ],
      }),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        'matrix name is missing',
        'rating "Green" colour "x" is not a colour like #92D050',
        'rating "Red" colour "y" is not a colour like #92D050',
      ]),
    );
  });

  it('names every unrated cell when bands leave gaps', () => {
    const errors = errorsOf(variant(base, { bands: base.bands!.filter((band) => band.rating !== 'Red') }));
    expect(errors).toEqual([
      'impact 4 × probability 3 (score 12) has no rating',
      'impact 3 × probability 4 (score 12) has no rating',
      'impact 4 × probability 4 (score 16) has no rating',
    ]);
  });

  it('keeps a path to each fault', () => {
    const { faults } = validateMatrix(
      variant(base, {
        bands: [
          { rating: 'Green', min: 1, max: 3 },
          { rating: 'Teal', min: 4, max: 16 },
        ],
      }),
    );
    expect(faults).toEqual([
      { path: ['bands', 1, 'rating'], message: expect.stringContaining('band Teal names rating "Teal"') },
    ]);
  });

  test.prop([fc.anything()])('never throws, and rejects what is not a matrix', (input) => {
    const checked = checkMatrix(input);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors.length).toBeGreaterThan(0);
  });

  test.prop([
    bandMatrixSpecArbitrary,
    fc.constantFrom('name', 'impact', 'probability', 'ratings', 'bands'),
    fc.oneof(fc.jsonValue(), fc.constant(undefined)),
  ])('never throws when one field is replaced by any JSON value', (spec, field, value) => {
    const checked = checkMatrix({ ...spec, [field]: value });
    if (!checked.ok)
      expect(checked.errors.every((error) => typeof error === 'string' && error.length > 0)).toBe(true);
  });
});

describe('matrixFromSpec', () => {
  it('throws with every fault for an invalid spec', () => {
    expect(() => matrixFromSpec({ ...FOUR_BY_FOUR_BANDS_SPEC, ratings: [] })).toThrow(
      /ratings must list at least one rating/,
    );
  });
});

describe('ratings and scores', () => {
  it('scoreOf multiplies', () => {
    expect(scoreOf(4, 3)).toBe(12);
    expect(scoreOf(1, 5)).toBe(5);
  });

  it('ratingOf and ratingIndexOf follow the default bands', () => {
    expect(ratingOf(DEFAULT_MATRIX, 1, 1).name).toBe('Low');
    expect(ratingOf(DEFAULT_MATRIX, 5, 1).name).toBe('Medium');
    expect(ratingOf(DEFAULT_MATRIX, 4, 3).name).toBe('High');
    expect(ratingOf(DEFAULT_MATRIX, 5, 4).name).toBe('Critical');
    expect(ratingIndexOf(DEFAULT_MATRIX, 4, 3)).toBe(2);
    expect(ratingIndexOf(SIX_BY_SIX_GRID, 6, 6)).toBe(5);
    expect(ratingOf(SIX_BY_SIX_GRID, 3, 5).name).toBe('High/Medium');
  });

  it('ratingOf refuses a cell outside the matrix', () => {
    expect(() => ratingOf(DEFAULT_MATRIX, 6, 1)).toThrow('impact 6 is outside 1-5');
    expect(() => ratingOf(FOUR_BY_FOUR_BANDS, 1, 5)).toThrow('probability 5 is outside 1-4');
    expect(() => ratingIndexOf(DEFAULT_MATRIX, 2.5, 1)).toThrow(RangeError);
  });

  it('severityOfRating is the index, ignoring case, -1 when unknown', () => {
    expect(severityOfRating(DEFAULT_MATRIX, 'Low')).toBe(0);
    expect(severityOfRating(DEFAULT_MATRIX, ' critical ')).toBe(3);
    expect(severityOfRating(SIX_BY_SIX_GRID, 'High/Medium')).toBe(3);
    expect(severityOfRating(DEFAULT_MATRIX, 'Severe')).toBe(-1);
  });

  it('fontColourFor keeps an explicit colour, else picks black or white by the fill', () => {
    expect(fontColourFor({ name: 'x', colour: '#FFFFFF', fontColour: '#123456' })).toBe('#123456');
    expect(fontColourFor({ name: 'x', colour: '#92D050' })).toBe('#000000');
    expect(fontColourFor({ name: 'x', colour: '#FFFF00' })).toBe('#000000');
    expect(fontColourFor({ name: 'x', colour: '#C00000' })).toBe('#FFFFFF');
    expect(fontColourFor({ name: 'x', colour: '#1f3864' })).toBe('#FFFFFF');
  });

  it('levelRangeText', () => {
    expect(levelRangeText(5)).toBe('1-5');
    expect(levelRangeText(SIX_BY_SIX_GRID_SPEC.probability)).toBe('1-6');
  });

  test.prop([bandMatrixSpecArbitrary])('random band matrices are valid and cover every cell', (spec) => {
    const checked = checkMatrix(spec);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(
      checked.matrix.ratingIndex.flat().every((index) => index >= 0 && index < spec.ratings.length),
    ).toBe(true);
  });

  test.prop([bandMatrixSpecArbitrary])(
    'in a band matrix the rating never falls as the score rises',
    (spec) => {
      const matrix = matrixFromSpec(spec);
      const cells: { score: number; severity: number }[] = [];
      for (let p = 1; p <= matrix.probabilityLevels; p++) {
        for (let i = 1; i <= matrix.impactLevels; i++)
          cells.push({ score: scoreOf(i, p), severity: ratingIndexOf(matrix, i, p) });
      }
      cells.sort((a, b) => a.score - b.score);
      for (let k = 1; k < cells.length; k++)
        expect(cells[k]!.severity).toBeGreaterThanOrEqual(cells[k - 1]!.severity);
    },
  );

  test.prop([fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })])(
    'the default rating is the band holding impact × probability',
    (impact, probability) => {
      const score = scoreOf(impact, probability);
      expect(score).toBe(impact * probability);
      expect(score).toBeGreaterThanOrEqual(1);
      expect(score).toBeLessThanOrEqual(25);
      const band = DEFAULT_MATRIX_SPEC.bands!.find((b) => b.min <= score && score <= b.max);
      expect(ratingOf(DEFAULT_MATRIX, impact, probability).name).toBe(band?.rating);
    },
  );
});

it('sample matrices are what other tests rely on', () => {
  expect(ratingOf(FOUR_BY_FOUR_BANDS, 4, 4).name).toBe('Red');
  expect(SIX_BY_SIX_GRID.spec.ratings.map((r) => r.name)).toContain('Severe');
});
