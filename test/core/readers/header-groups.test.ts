/**
 * Inherent, residual and target columns in headers (PRODUCT §8): qualified headers, and the
 * group-row layout `Inherent risk | Residual risk | Target risk` over repeated level columns,
 * merged or not, in any order; a repeated level header with no group is an error at the cell.
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { CellValue } from '../../../core/cells/cell.ts';
import { a1 } from '../../../core/cells/cell.ts';
import { ASSESSMENT_COLUMNS, RISK_COLUMNS, locateColumns } from '../../../core/readers/headers.ts';
import type { AssessmentGroup, LevelBase } from '../../../core/readers/header-groups.ts';
import { groupOfHeader } from '../../../core/readers/header-groups.ts';
import { FC_SEED } from '../../support/fc-seed.ts';

const grid = (rows: CellValue[][], name = 'Assessments') => ({ name, rows });

describe('group words', () => {
  it.each([
    ['Inherent risk', 'inherent'],
    ['Gross risk', 'inherent'],
    ['Pre-mitigation', 'inherent'],
    ['Initial risk score', 'inherent'],
    ['Residual risk', 'residual'],
    ['Current risk rating', 'residual'],
    ['Net risk', 'residual'],
    ['Post-mitigation', 'residual'],
    ['TARGET RISK', 'target'],
    ['Before the controls', undefined],
    ['Risk', undefined],
  ])('%j names %j', (text, group) => {
    expect(groupOfHeader(text)).toBe(group);
  });
});

describe('qualified headers', () => {
  it('finds inherent and target columns by their own headers and synonyms, on either sheet', () => {
    const located = locateColumns(
      grid([
        [
          'Risk ID',
          'Quarter',
          'Gross impact',
          'Inherent likelihood',
          'Current impact',
          'Net likelihood',
          'Target impact',
          'Target probability',
          'Target risk score',
          'Target date',
        ],
      ]),
      ASSESSMENT_COLUMNS,
    );
    expect(located.issues).toEqual([]);
    expect(Object.fromEntries(located.columns)).toEqual({
      riskId: 0,
      quarter: 1,
      inherentImpact: 2,
      inherentProbability: 3,
      impact: 4,
      probability: 5,
      targetImpact: 6,
      targetProbability: 7,
      targetScore: 8,
      targetDate: 9,
    });
    const risks = locateColumns(
      grid([['ID', 'Risk name', 'Impact', 'Inherent impact', 'Tolerance', 'Risk category']], 'Risks'),
      RISK_COLUMNS,
    );
    expect(risks.columns.get('impactNarrative')).toBe(2);
    expect(risks.columns.get('inherentImpact')).toBe(3);
    expect(risks.columns.get('appetite')).toBe(4);
    expect(risks.columns.get('category')).toBe(5);
  });
});

describe('a group row over repeated level columns', () => {
  it('reads merged groups (the label in the first cell only) whatever their order', () => {
    const located = locateColumns(
      grid([
        ['Risk ID', 'Quarter', 'Target risk', null, 'Residual risk', null, null, 'Inherent risk', null],
        [null, null, 'Impact', 'Likelihood', 'Impact', 'Likelihood', 'Score', 'Impact', 'Likelihood'],
        ['CRR1', 'Q1 2022/23', 2, 2, 4, 3, 12, 5, 5],
      ]),
      ASSESSMENT_COLUMNS,
    );
    expect(located.issues).toEqual([]);
    expect(located.headerRow).toBe(1);
    expect(Object.fromEntries(located.columns)).toEqual({
      riskId: 0,
      quarter: 1,
      targetImpact: 2,
      targetProbability: 3,
      impact: 4,
      probability: 5,
      score: 6,
      inherentImpact: 7,
      inherentProbability: 8,
    });
  });

  it('reads unmerged groups (the label over every column) under a title row', () => {
    const located = locateColumns(
      grid([
        ['Corporate risk register'],
        [null, null, 'Residual', 'Residual', 'Inherent', 'Inherent', null],
        ['Risk ID', 'Quarter', 'Impact', 'Probability', 'Impact', 'Probability', 'Commentary'],
      ]),
      ASSESSMENT_COLUMNS,
    );
    expect(located.issues).toEqual([]);
    expect(located.headerRow).toBe(2);
    expect(located.columns.get('impact')).toBe(2);
    expect(located.columns.get('inherentImpact')).toBe(4);
    expect(located.columns.get('commentary')).toBe(6);
  });

  it('reads the groups on the Risks sheet, never as its narrative Impact', () => {
    const located = locateColumns(
      grid(
        [
          ['ID', 'Risk name', 'Impact', 'Inherent risk', null, 'Target risk', null],
          [null, null, null, 'Impact', 'Likelihood', 'Impact', 'Likelihood'],
        ],
        'Risks',
      ),
      RISK_COLUMNS,
    );
    expect(located.issues).toEqual([]);
    expect(located.columns.get('impactNarrative')).toBe(2);
    expect(located.columns.get('inherentImpact')).toBe(3);
    expect(located.columns.get('targetProbability')).toBe(6);
  });

  it('calls a repeated level header with no group row an error at the repeat, never a silent choice', () => {
    const located = locateColumns(
      grid([
        ['Risk ID', 'Quarter', 'Impact', 'Likelihood', 'Score', 'Impact', 'Likelihood', 'Score'],
        ['CRR1', 'Q1 2022/23', 5, 5, 25, 4, 3, 12],
      ]),
      ASSESSMENT_COLUMNS,
    );
    expect(located.issues.map((issue) => [issue.severity, issue.cell])).toEqual([
      ['error', 'F1'],
      ['error', 'G1'],
      ['error', 'H1'],
    ]);
    expect(located.issues[0]!.message).toMatch(
      /^column "Impact" repeats "Impact" \(column C\): head the assessments in the row above with "Inherent risk"/,
    );
  });

  it('calls a group cell that names no known group an error at that cell, and does not read its columns', () => {
    const located = locateColumns(
      grid([
        [null, null, 'Mitigated', null, 'Residual risk', null],
        ['Risk ID', 'Quarter', 'Impact', 'Likelihood', 'Impact', 'Likelihood'],
      ]),
      ASSESSMENT_COLUMNS,
    );
    expect(located.issues).toEqual([
      {
        severity: 'error',
        sheet: 'Assessments',
        cell: 'C1',
        message:
          'group "Mitigated" over "Impact" (column C) is not one of "Inherent risk" (or Gross, Pre-mitigation, Initial), "Residual risk" (or Current, Net, Post-mitigation) or "Target risk"; its columns are not read',
      },
    ]);
    expect(located.columns.get('impact')).toBe(4);
    expect(located.columns.has('inherentImpact')).toBe(false);
  });
});

const GROUP_LABELS: Readonly<Record<AssessmentGroup, readonly string[]>> = {
  inherent: ['Inherent risk', 'Gross risk', 'Pre-mitigation', 'INHERENT'],
  residual: ['Residual risk', 'Current risk', 'Net risk', 'Residual'],
  target: ['Target risk', 'Target', 'target risk score'],
};
const BASE_HEADERS: Readonly<Record<LevelBase, readonly string[]>> = {
  impact: ['Impact', 'Consequence', 'Severity'],
  probability: ['Likelihood', 'Probability'],
  score: ['Score', 'Risk score'],
  rating: ['Rating', 'Risk rating'],
};
const KEY: Readonly<Record<AssessmentGroup, Readonly<Record<LevelBase, string>>>> = {
  inherent: {
    impact: 'inherentImpact',
    probability: 'inherentProbability',
    score: 'inherentScore',
    rating: 'inherentRating',
  },
  residual: { impact: 'impact', probability: 'probability', score: 'score', rating: 'rating' },
  target: {
    impact: 'targetImpact',
    probability: 'targetProbability',
    score: 'targetScore',
    rating: 'targetRating',
  },
};

/** One group of columns: its label, and its level columns in some order with their headers. */
const arbGroup = (group: AssessmentGroup) =>
  fc.record({
    group: fc.constant(group),
    label: fc.constantFrom(...GROUP_LABELS[group]),
    columns: fc
      .shuffledSubarray(['impact', 'probability', 'score', 'rating'] as LevelBase[], { minLength: 2 })
      .filter((bases) => bases.includes('impact') && bases.includes('probability'))
      .chain((bases) =>
        fc.tuple(
          ...bases.map((base) => fc.constantFrom(...BASE_HEADERS[base]).map((header) => ({ base, header }))),
        ),
      ),
    merged: fc.boolean(),
  });

test.prop(
  [
    fc
      .shuffledSubarray(['inherent', 'target'] as AssessmentGroup[])
      .chain((others) =>
        fc.shuffledSubarray(['residual' as AssessmentGroup, ...others], { minLength: others.length + 1 }),
      )
      .chain((groups) => fc.tuple(...groups.map(arbGroup))),
    fc.integer({ min: 0, max: 3 }),
    fc.boolean(),
  ],
  { numRuns: 200, ...FC_SEED },
)(
  'a group row is read whatever the order, merge and headers of its groups: every level column lands in its group',
  (groups, titleRows, idMergedDown) => {
    const top: CellValue[] = idMergedDown ? ['Risk ID', 'Quarter'] : [null, null];
    const header: CellValue[] = idMergedDown ? [null, null] : ['Risk ID', 'Quarter'];
    const expected = new Map<string, number>([
      ['riskId', 0],
      ['quarter', 1],
    ]);
    for (const { group, label, columns, merged } of groups) {
      columns.forEach(({ base, header: text }, i) => {
        expected.set(KEY[group][base], header.length);
        top.push(i === 0 || !merged ? label : null);
        header.push(text);
      });
    }
    const rows: CellValue[][] = [
      ...Array.from({ length: titleRows }, (_, i) => (i === 0 ? ['Corporate risk register'] : [])),
      top,
      header,
      ['CRR1', 'Q1 2022/23', ...header.slice(2).map(() => 3)],
    ];
    const located = locateColumns(grid(rows), ASSESSMENT_COLUMNS);
    expect(located.issues).toEqual([]);
    expect(located.headerRow).toBe(titleRows + 1);
    expect(Object.fromEntries(located.columns)).toEqual(Object.fromEntries(expected));
  },
);

test.prop(
  [
    fc.constantFrom(...BASE_HEADERS.impact, ...BASE_HEADERS.probability, ...BASE_HEADERS.score),
    fc.integer({ min: 0, max: 5 }),
    fc.integer({ min: 0, max: 5 }),
  ],
  { numRuns: 100, ...FC_SEED },
)(
  'a level header repeated with no group row is an error at the repeat, wherever the two sit',
  (level, before, between) => {
    const filler = (n: number, from: number) => Array.from({ length: n }, (_, i) => `Extra ${from + i}`);
    const header: CellValue[] = [
      'Risk ID',
      'Quarter',
      'Impact',
      'Likelihood',
      ...filler(before, 0),
      level,
      ...filler(between, 10),
      level,
    ];
    const located = locateColumns(grid([header]), ASSESSMENT_COLUMNS);
    const repeat = header.length - 1;
    const errors = located.issues.filter((issue) => issue.severity === 'error');
    expect(errors.map((issue) => issue.cell)).toContain(a1(0, repeat));
    expect(located.issues.every((issue) => issue.severity === 'error')).toBe(true);
  },
);

test.prop(
  [
    fc.array(
      fc.oneof(
        fc.constant(null),
        fc.string({ maxLength: 16 }),
        fc.constantFrom(
          'Inherent risk',
          'Target',
          'Impact',
          'Likelihood',
          'Score',
          'Risk ID',
          'Quarter',
          'Residual risk',
        ),
      ),
      { maxLength: 12 },
    ),
    fc.array(
      fc.oneof(
        fc.constant(null),
        fc.string({ maxLength: 16 }),
        fc.constantFrom('Impact', 'Likelihood', 'Score', 'Rating', 'Risk ID', 'Quarter'),
      ),
      { maxLength: 12 },
    ),
  ],
  { numRuns: 300, ...FC_SEED },
)(
  'never throws on random two-row headers, and each column it finds is a real column of the header row',
  (top, header) => {
    const located = locateColumns(grid([top, header]), ASSESSMENT_COLUMNS);
    const width = Math.max(top.length, header.length);
    for (const column of located.columns.values()) expect(column).toBeLessThan(Math.max(width, 1));
    const found = [...located.columns.values()];
    expect(new Set(found).size).toBe(found.length);
  },
);
