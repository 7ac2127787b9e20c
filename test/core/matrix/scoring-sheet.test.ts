import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { CellValue } from '../../../core/cells/cell.ts';
import { UNCALCULATED, errorCell } from '../../../core/cells/cell.ts';
import { DEFAULT_MATRIX_SPEC } from '../../../core/matrix/default-matrix.ts';
import { checkMatrix } from '../../../core/matrix/matrix-shape.ts';
import type { MatrixSpec } from '../../../core/matrix/matrix.ts';
import { readScoringSheet, SCORING_SHEET_NAME } from '../../../core/matrix/scoring-sheet.ts';
import { scoringSheetRows } from '../../../core/matrix/scoring-sheet-rows.ts';
import {
  bandMatrixSpecArbitrary,
  FIVE_BY_FIVE_GRID_SPEC,
  FOUR_BY_FOUR_BANDS_SPEC,
  FOUR_BY_SIX_BANDS_SPEC,
  SIX_BY_SIX_GRID_SPEC,
} from '../../support/matrices.ts';

const read = (rows: readonly (readonly CellValue[])[]) => readScoringSheet({ name: 'Scoring', rows });

/** Rows as a mutable copy. */
function copy(rows: readonly (readonly CellValue[])[]): CellValue[][] {
  return rows.map((row) => [...row]);
}

/** 0-based index of the first row whose first cell is `first`, searching from `from`. */
function rowOf(rows: readonly (readonly CellValue[])[], first: CellValue, from = 0): number {
  const index = rows.findIndex((row, r) => r >= from && row[0] === first);
  if (index < 0) throw new Error(`no row starts with ${String(first)}`);
  return index;
}

/** 0-based index of the row whose first cell starts with a section title. */
function sectionRow(rows: readonly (readonly CellValue[])[], title: string): number {
  const index = rows.findIndex((row) => typeof row[0] === 'string' && row[0].startsWith(title));
  if (index < 0) throw new Error(`no section ${title}`);
  return index;
}

/** The rows of one section, title to the blank row after it. */
function sectionRows(rows: readonly (readonly CellValue[])[], title: string): CellValue[][] {
  const start = sectionRow(rows, title);
  let end = start + 1;
  while (end < rows.length && rows[end]!.some((value) => value !== null && value !== '')) end++;
  return copy(rows.slice(start, end));
}

describe('scoringSheetRows', () => {
  it('lays out the default matrix in readable sections', () => {
    const rows = scoringSheetRows(DEFAULT_MATRIX_SPEC);
    expect(rows[0]!.slice(0, 2)).toEqual(['Matrix', 'Force risk matrix']);
    const width = rows[0]!.length;
    for (const row of rows) expect(row).toHaveLength(width);
    const impact = sectionRow(rows, 'Impact');
    expect(rows[impact + 1]).toEqual([
      'Level',
      'Label',
      'Description',
      'Service',
      'Performance',
      'Finance',
      'Reputation',
      'Legal',
      'Safety',
      'Human Rights / Diversity',
      'Wellbeing',
    ]);
    expect(rows[impact + 6]!.slice(0, 2)).toEqual([5, 'Severe']);
    expect(rows[impact + 6]![5]).toBe('Costs over £2m');
    const probability = sectionRow(rows, 'Probability');
    expect(rows[probability + 1]!.slice(0, 5)).toEqual([
      'Level',
      'Label',
      'Description',
      'Chance',
      'Frequency',
    ]);
    expect(rows[probability + 4]!.slice(0, 4)).toEqual([
      3,
      'Some likelihood',
      'Some indications that the risk will happen',
      '20% - 50%',
    ]);
    const ratings = sectionRow(rows, 'Ratings');
    expect(rows[ratings + 2]!.slice(0, 2)).toEqual(['Low', '#92D050']);
    const bands = sectionRow(rows, 'Bands');
    expect(rows[bands + 1]!.slice(0, 3)).toEqual(['Rating', 'Min', 'Max']);
    expect(rows[bands + 3]!.slice(0, 3)).toEqual(['Medium', 5, 10]);
    expect(rows.some((row) => typeof row[0] === 'string' && row[0].startsWith('Grid'))).toBe(false);
  });

  it('draws a grid with the most probable row on top', () => {
    const rows = scoringSheetRows(FIVE_BY_FIVE_GRID_SPEC);
    const grid = sectionRow(rows, 'Grid');
    expect(rows[grid + 1]!.slice(1, 6)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[grid + 2]![0]).toBe(5);
    expect(rows[grid + 4]!.slice(0, 6)).toEqual([3, 'Low', 'Medium', 'Medium', 'High', 'High']);
  });

  it('names the sheet Scoring', () => {
    expect(SCORING_SHEET_NAME).toBe('Scoring');
  });
});

describe('readScoringSheet round trip', () => {
  it.each<[string, MatrixSpec]>([
    ['the default matrix', DEFAULT_MATRIX_SPEC],
    ['a 4x4 band matrix', FOUR_BY_FOUR_BANDS_SPEC],
    ['a 6x6 grid matrix with six ratings', SIX_BY_SIX_GRID_SPEC],
    ['a 5x5 grid with bands', FIVE_BY_FIVE_GRID_SPEC],
    ['a 4x6 matrix', FOUR_BY_SIX_BANDS_SPEC],
  ])('gives back %s', (_, spec) => {
    const result = read(scoringSheetRows(spec));
    expect(result.issues).toEqual([]);
    expect(result.spec).toEqual(spec);
    expect(result.matrix?.spec).toEqual(spec);
  });

  test.prop([bandMatrixSpecArbitrary])('gives back any band matrix', (spec) => {
    const result = read(scoringSheetRows(spec));
    expect(result.issues).toEqual([]);
    expect(result.spec).toEqual(spec);
  });
});

describe('readScoringSheet finds sections however they are arranged', () => {
  it('in another order, case and spacing, with extra blank rows and shifted right', () => {
    const rows = scoringSheetRows(SIX_BY_SIX_GRID_SPEC);
    const [matrix, impact, probability, ratings, grid] = [
      copy(rows.slice(0, 1))[0]!,
      sectionRows(rows, 'Impact'),
      sectionRows(rows, 'Probability'),
      sectionRows(rows, 'Ratings'),
      sectionRows(rows, 'Grid'),
    ];
    impact[0]![0] = '  IMPACT ';
    ratings[0]![0] = 'ratings:';
    grid[0]![0] = 'grid';
    probability.splice(1, 0, []); // a blank row between title and header
    const shifted = (section: CellValue[][]) => section.map((row) => [null, ...row]);
    const rearranged = [
      ['Risk matrix for the finance team'],
      [],
      ...shifted(grid),
      [],
      ...ratings,
      [],
      [],
      ...impact,
      [],
      ...shifted(probability),
      [],
      matrix,
    ];
    const result = read(rearranged);
    expect(result.issues).toEqual([]);
    expect(result.spec).toEqual(SIX_BY_SIX_GRID_SPEC);
  });

  it('with columns in another order, other header spellings, and numbers typed as text', () => {
    const rows = copy(scoringSheetRows(FOUR_BY_FOUR_BANDS_SPEC));
    const bands = sectionRow(rows, 'Bands');
    rows[bands + 1] = ['MAX', 'min', 'Rating'];
    for (let r = bands + 2; r <= bands + 5; r++) {
      const [rating, min, max] = rows[r]!;
      rows[r] = [String(max), ` ${String(min)} `, rating!];
    }
    const ratings = sectionRow(rows, 'Ratings');
    rows[ratings + 1] = ['Name', 'Fill color', 'Text colour'];
    const impact = sectionRow(rows, 'Impact');
    rows[impact + 1] = ['Value', 'label', 'Description'];
    rows[impact + 2]![0] = '1';
    const result = read(rows);
    expect(result.issues).toEqual([]);
    expect(result.spec).toEqual(FOUR_BY_FOUR_BANDS_SPEC);
  });

  it('without a Matrix row, naming the matrix after the sheet with a warning', () => {
    const rows = scoringSheetRows(FOUR_BY_FOUR_BANDS_SPEC).slice(1);
    const result = readScoringSheet({ name: 'Risk scoring', rows });
    expect(result.spec).toEqual({ ...FOUR_BY_FOUR_BANDS_SPEC, name: 'Risk scoring' });
    expect(result.issues).toEqual([
      {
        severity: 'warning',
        sheet: 'Risk scoring',
        cell: 'A1',
        message: 'no "Matrix" row names the matrix, so it is called "Risk scoring"',
      },
    ]);
  });

  it('warns about probability columns it does not read', () => {
    const rows = copy(scoringSheetRows(FOUR_BY_FOUR_BANDS_SPEC));
    const probability = sectionRow(rows, 'Probability');
    rows[probability + 1]![5] = 'Owner';
    const result = read(rows);
    expect(result.spec).toEqual(FOUR_BY_FOUR_BANDS_SPEC);
    expect(result.issues).toEqual([
      {
        severity: 'warning',
        sheet: 'Scoring',
        cell: `F${probability + 2}`,
        message: 'column "Owner" is not read',
      },
    ]);
  });
});

describe('readScoringSheet addresses each bad cell', () => {
  const base = scoringSheetRows(FOUR_BY_FOUR_BANDS_SPEC);
  // Layout of the 4x4 sheet: Matrix on row 1, Impact title on 3, header on 4, levels on 5-8.
  const impactTitle = sectionRow(base, 'Impact');
  const ratingsTitle = sectionRow(base, 'Ratings');
  const bandsTitle = sectionRow(base, 'Bands');
  const amberRow = rowOf(base, 'Amber', ratingsTitle);
  const amberBandRow = rowOf(base, 'Amber', bandsTitle);
  // Bands are listed Red, Green, Amber, Yellow: an overlap is reported on the later-listed band.
  const yellowBandRow = rowOf(base, 'Yellow', bandsTitle);

  it.each<[string, (rows: CellValue[][]) => void, string, string]>([
    [
      'a level that is not a number',
      (rows) => (rows[impactTitle + 4]![0] = 'three'),
      'A7',
      'impact level "three" is not a whole number',
    ],
    [
      'a level past the count',
      (rows) => (rows[impactTitle + 5]![0] = 7),
      'A8',
      'impact level 7 is outside 1-4: 4 levels are numbered 1-4',
    ],
    ['a blank label', (rows) => (rows[impactTitle + 3]![1] = ''), 'B6', 'impact level 2 has no label'],
    ['a missing matrix name', (rows) => (rows[0]![1] = null), 'B1', 'matrix name is missing'],
    [
      'a bad colour',
      (rows) => (rows[amberRow]![1] = 'orange'),
      `B${amberRow + 1}`,
      'rating "Amber" colour "orange" is not a colour like #92D050',
    ],
    [
      'a bad font colour',
      (rows) => (rows[amberRow]![2] = '#12345'),
      `C${amberRow + 1}`,
      'rating "Amber" font colour "#12345" is not a colour like #000000',
    ],
    [
      'a repeated rating',
      (rows) => (rows[amberRow]![0] = 'green'),
      `A${amberRow + 1}`,
      'rating "green" appears twice',
    ],
    [
      'a band of an unknown rating',
      (rows) => (rows[amberBandRow]![0] = 'Orange'),
      `A${amberBandRow + 1}`,
      'band Orange names rating "Orange", which is not one of the ratings (Green, Yellow, Amber, Red)',
    ],
    [
      'a band bound that is not a number',
      (rows) => (rows[amberBandRow]![2] = 'nine'),
      `C${amberBandRow + 1}`,
      'band Amber max "nine" is not a number',
    ],
    [
      'a band upside down',
      (rows) => (rows[amberBandRow]![1] = 10),
      `B${amberBandRow + 1}`,
      'band Amber min 10 is greater than its max 9',
    ],
    [
      'overlapping bands',
      (rows) => (rows[amberBandRow]![1] = 6),
      `A${yellowBandRow + 1}`,
      'bands Yellow (4-6) and Amber (6-9) overlap at 6',
    ],
    [
      'a gap left by the bands',
      (rows) => (rows[amberBandRow]![1] = 9),
      `A${bandsTitle + 1}`,
      'impact 4 × probability 2 (score 8) has no rating',
    ],
  ])('%s', (_, change, cell, message) => {
    const rows = copy(base);
    change(rows);
    const result = read(rows);
    expect(result.spec).toBeUndefined();
    expect(result.issues).toContainEqual({ severity: 'error', sheet: 'Scoring', cell, message });
  });

  const gridBase = scoringSheetRows(SIX_BY_SIX_GRID_SPEC);
  const gridTitle = sectionRow(gridBase, 'Grid');
  // Probability 6 is the first grid row, probability 1 the last; impact 1 is column B.
  const gridRowOf = (probability: number) => gridTitle + 2 + (6 - probability);

  it.each<[string, (rows: CellValue[][]) => void, string, string]>([
    [
      'a grid cell naming no rating',
      (rows) => (rows[gridRowOf(4)]![2] = 'Amber'),
      `C${gridRowOf(4) + 1}`,
      'grid cell impact 2 × probability 4 names "Amber", which is not one of the ratings (Negligible, Low, Medium, High/Medium, High, Severe)',
    ],
    [
      'a blank grid cell',
      (rows) => (rows[gridRowOf(1)]![6] = null),
      `G${gridRowOf(1) + 1}`,
      'grid cell impact 6 × probability 1 is blank: name one of the ratings (Negligible, Low, Medium, High/Medium, High, Severe)',
    ],
    [
      'a repeated impact heading',
      (rows) => (rows[gridTitle + 1]![3] = 1),
      `D${gridTitle + 2}`,
      'grid impact heading 1 appears twice',
    ],
    [
      'a missing impact heading',
      (rows) => (rows[gridTitle + 1]![3] = 1),
      `A${gridTitle + 1}`,
      'the Grid section has no column for impact 3',
    ],
    [
      'a probability heading out of range',
      (rows) => (rows[gridRowOf(2)]![0] = 7),
      `A${gridRowOf(2) + 1}`,
      'grid probability heading 7 is outside 1-6',
    ],
    [
      'a probability heading that is text',
      (rows) => (rows[gridRowOf(2)]![0] = 'two'),
      `A${gridRowOf(2) + 1}`,
      'grid probability heading "two" is not a whole number',
    ],
  ])('%s', (_, change, cell, message) => {
    const rows = copy(gridBase);
    change(rows);
    const result = read(rows);
    expect(result.spec).toBeUndefined();
    expect(result.issues).toContainEqual({ severity: 'error', sheet: 'Scoring', cell, message });
  });

  it('does not add "neither bands nor a grid" when the grid was there but unreadable', () => {
    const rows = copy(gridBase);
    rows[gridRowOf(2)]![0] = 'two';
    const messages = read(rows).issues.map((issue) => issue.message);
    expect(messages).toHaveLength(2); // the bad heading, and the row for probability 2 it leaves missing
    expect(messages.join('\n')).not.toContain('neither');
  });

  it('reports a missing section', () => {
    const rows = copy(base);
    rows[ratingsTitle]![0] = 'Colours';
    const result = read(rows);
    expect(result.spec).toBeUndefined();
    expect(result.issues).toContainEqual({
      severity: 'error',
      sheet: 'Scoring',
      cell: 'A1',
      message: 'the Scoring sheet has no Ratings section',
    });
  });

  it('reports a missing column', () => {
    const rows = copy(base);
    rows[impactTitle + 1]![0] = 'Number';
    expect(read(rows).issues).toContainEqual({
      severity: 'error',
      sheet: 'Scoring',
      cell: `A${impactTitle + 1}`,
      message: 'the Impact section has no Level column',
    });
  });

  it('reports a section given twice', () => {
    const rows = [...copy(base), [], ['Bands'], ['Rating', 'Min', 'Max'], ['Red', 1, 16]];
    expect(read(rows).issues).toContainEqual({
      severity: 'error',
      sheet: 'Scoring',
      cell: `A${rows.length - 2}`,
      message: `a second Bands section; the first is at A${bandsTitle + 1}`,
    });
  });

  it('reports a matrix with neither bands nor grid at the Matrix row', () => {
    const rows = copy(base).slice(0, bandsTitle);
    expect(read(rows).issues).toEqual([
      {
        severity: 'error',
        sheet: 'Scoring',
        cell: 'A1',
        message: 'matrix has neither bands nor a grid: give one to decide the ratings',
      },
    ]);
  });

  const notAMatrix =
    'the Scoring sheet has no Impact, Probability or Ratings section; ' +
    'rename the sheet if it is not the risk matrix, or give the matrix another way';

  it('reports an empty sheet without throwing', () => {
    const result = read([]);
    expect(result.spec).toBeUndefined();
    expect(result.issues).toEqual([{ severity: 'error', sheet: 'Scoring', cell: 'A1', message: notAMatrix }]);
  });

  it("says once that a user's own sheet named Scoring is not a matrix, and how to go on", () => {
    const rows = [['Scoring of bids'], ['Supplier', 'Price', 'Quality'], ['Acme', 3, 4]];
    expect(read(rows).issues).toEqual([
      { severity: 'error', sheet: 'Scoring', cell: 'A1', message: notAMatrix },
    ]);
  });

  it('says a formula with no calculated value is one, at its cell', () => {
    const rows = copy(base);
    rows[impactTitle + 2]![0] = errorCell(UNCALCULATED);
    rows[amberRow]![1] = errorCell(UNCALCULATED);
    const at = (row: number, column: string) => `${column}${row + 1}`;
    const fix =
      'this cell is a formula with no calculated value; open and save the workbook in Excel or LibreOffice to calculate it';
    const issues = read(rows).issues;
    expect(issues.filter((issue) => issue.message === fix).map((issue) => issue.cell)).toEqual([
      at(impactTitle + 2, 'A'),
      at(amberRow, 'B'),
    ]);
    expect(issues.filter((issue) => issue.message.includes('UNCALCULATED'))).toEqual([]);
  });
});

describe('readScoringSheet on arbitrary input', () => {
  const titles = [
    'Matrix',
    'Impact',
    'Probability',
    'Ratings',
    'Bands',
    'Grid',
    'Level',
    'Label',
    'Rating',
    'Min',
    'Max',
  ];
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constantFrom(...titles),
    fc.constantFrom('Low', 'High', '#92D050', 'x'),
    fc.integer({ min: -2, max: 12 }),
    fc.double(),
    fc.string({ maxLength: 6 }),
    fc.boolean(),
    fc.constant(null),
    fc.constant({ kind: 'date' as const, iso: '2022-04-01' }),
    fc.constant({ kind: 'error' as const, code: '#N/A' }),
  );
  const A1 = /^[A-Z]+[1-9][0-9]*$/;

  const checkResult = (result: ReturnType<typeof read>) => {
    for (const issue of result.issues) {
      expect(issue.sheet).toBe('Scoring');
      expect(issue.cell).toMatch(A1);
      expect(issue.message.length).toBeGreaterThan(0);
    }
    const errors = result.issues.filter((issue) => issue.severity === 'error');
    if (result.spec) {
      expect(errors).toEqual([]);
      expect(checkMatrix(result.spec).ok).toBe(true);
    } else expect(errors.length).toBeGreaterThan(0);
  };

  test.prop([fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 40 })])(
    'never throws on random grids',
    (rows) => {
      checkResult(read(rows));
    },
  );

  test.prop([
    fc.array(fc.oneof(fc.array(fc.anything(), { maxLength: 6 }), fc.anything()), { maxLength: 20 }),
  ])('never throws even on values no host should hand over', (rows) => {
    checkResult(read(rows as unknown as CellValue[][]));
  });

  test.prop([
    fc.constantFrom(
      DEFAULT_MATRIX_SPEC,
      FOUR_BY_FOUR_BANDS_SPEC,
      SIX_BY_SIX_GRID_SPEC,
      FIVE_BY_FIVE_GRID_SPEC,
    ),
    fc.array(fc.record({ row: fc.nat(), column: fc.nat({ max: 11 }), value: cell }), {
      minLength: 1,
      maxLength: 5,
    }),
  ])('never throws on a real sheet with random cells changed', (spec, changes) => {
    const rows = copy(scoringSheetRows(spec));
    for (const change of changes) {
      const row = rows[change.row % rows.length]!;
      row[change.column] = change.value;
    }
    checkResult(read(rows));
  });
});
