/**
 * What real registers keep beyond the seed (PRODUCT §8): inherent and target assessments,
 * appetite, ratings-only assessments and matrices, the rating history — read, checked at the
 * cell, built into the register, laid out and written as JSON.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue, SheetGrid } from '../../../core/cells/cell.ts';
import { dateCell } from '../../../core/cells/cell.ts';
import {
  DEFAULT_MATRIX,
  DEFAULT_MATRIX_SPEC,
  checkMatrix,
  evaluateRiskFunction,
  fiscalCalendar,
  generateRegister,
  lambdaDefinitions,
  matrixFromSpec,
  quarterlyReportPlans,
  readScoringSheet,
  registerJson,
  scoringSheetRows,
  type Issue,
  type JobSettings,
  type PlanCell,
  type SheetPlan,
} from '../../../core/index.ts';
import { forceRegisterSheets } from '../../support/force-register-sheets.ts';
import { RAG_MATRIX_SPEC, ragRegisterSheets } from '../../support/rag-register.ts';
import { evaluateFormula } from '../../support/formula-eval.ts';

const calendar = fiscalCalendar(4);
const settings: JobSettings = { calendar, quarterCount: 4 };
const sheet = (name: string, rows: CellValue[][]): SheetGrid => ({ name, rows });
const issueText = (issues: readonly Issue[]) =>
  issues.map((issue) => `${issue.severity} ${issue.sheet}!${issue.cell}: ${issue.message}`);
const values = (plan: SheetPlan) => plan.cells.map((row) => row.map((c: PlanCell) => c.value));

const RISKS_HEAD = ['ID', 'Risk name', 'Status'];

/** A register laid out with grouped columns: the residual group in the middle, or first. */
function groupedSheets(residualFirst: boolean): SheetGrid[] {
  const groups = residualFirst
    ? (['Residual risk', 'Inherent risk', 'Target risk'] as const)
    : (['Inherent risk', 'Residual risk', 'Target risk'] as const);
  const levels: Record<(typeof groups)[number], Record<string, [number, number]>> = {
    'Inherent risk': { CRR1: [5, 5], CRR2: [4, 4] },
    'Residual risk': { CRR1: [4, 3], CRR2: [3, 3] },
    'Target risk': { CRR1: [2, 2], CRR2: [2, 3] },
  };
  const top: CellValue[] = [null, null];
  const header: CellValue[] = ['Risk ID', 'Quarter'];
  for (const group of groups) {
    top.push(group, null, null);
    header.push('Impact', 'Likelihood', 'Score');
  }
  top.push(null);
  header.push('Target date');
  const row = (id: string): CellValue[] => [
    id,
    'Q2 2022/23',
    ...groups.flatMap((group) => {
      const [impact, probability] = levels[group][id]!;
      return [impact, probability, impact * probability];
    }),
    dateCell('2023-03-31'),
  ];
  return [
    sheet('Risks', [RISKS_HEAD, ['CRR1', 'Cyber', 'Open'], ['CRR2', 'Funding', 'Open']]),
    sheet('Assessments', [top, header, row('CRR1'), row('CRR2')]),
  ];
}

const sheetsOf = (list: SheetGrid[]) => ({ risks: list[0], assessments: list[1] });

describe('a register laid out with grouped Inherent | Residual | Target columns', () => {
  it.each([
    ['in the middle', false],
    ['first', true],
  ])('rates the residual group (%s) and shows inherent and target beside it', (_, residualFirst) => {
    const result = generateRegister(sheetsOf(groupedSheets(residualFirst)), settings);
    expect(result.issues).toEqual([]);
    const crr1 = result.model!.open.find((row) => row.risk.id === 'CRR1')!;
    expect([crr1.impact, crr1.probability, crr1.score, crr1.rating]).toEqual([4, 3, 12, 'High']);
    expect(crr1.inherent).toMatchObject({ impact: 5, probability: 5, score: 25, rating: 'Critical' });
    expect(crr1.target).toMatchObject({ impact: 2, probability: 2, score: 4, rating: 'Low' });
    expect(crr1.targetDate).toBe('2023-03-31');

    const [register] = quarterlyReportPlans(result.model!, {
      matrix: result.matrix,
      calendar,
      title: 'Register',
    });
    const rows = values(register!);
    expect(rows[3]!.slice(5)).toEqual([
      'Q3 21/22',
      'Q4 21/22',
      'Q1 22/23',
      'Q2 22/23',
      'Inherent risk rating',
      'Residual risk rating',
      'Target risk rating',
      'Target date',
    ]);
    expect(rows[4]!.slice(9)).toEqual(['Critical', 'High', 'Low', { kind: 'date', iso: '2023-03-31' }]);
    expect(register!.cells[4]![9]!.style?.fill).toBe('#C00000');
    expect(register!.columnWidths).toHaveLength(rows[3]!.length);
  });

  it('says so when the same layout has no group row: the repeats are errors, nothing is generated', () => {
    const [risks, assessments] = groupedSheets(false);
    const ungrouped = sheet('Assessments', assessments!.rows.slice(1) as CellValue[][]);
    const result = generateRegister({ risks, assessments: ungrouped }, settings);
    expect(result.model).toBeUndefined();
    expect(
      issueText(result.issues)
        .filter((text) => text.startsWith('error'))
        .slice(0, 2),
    ).toEqual([
      expect.stringMatching(/^error Assessments!F1: column "Impact" repeats "Impact" \(column C\)/),
      expect.stringMatching(/^error Assessments!G1: column "Likelihood" repeats "Likelihood" \(column D\)/),
    ]);
  });
});

describe('bad input in the optional columns, each at its cell', () => {
  const risks = (extra: CellValue[][]) =>
    sheet('Risks', [
      [...RISKS_HEAD, 'Target date', 'Appetite', 'Inherent rating', 'Category'],
      ['CRR1', 'Cyber', 'Open', ...(extra[0] ?? [null, null, null, null])],
    ]);
  const assessments = (head: CellValue[], row: CellValue[]) =>
    sheet('Assessments', [
      ['Risk ID', 'Quarter', 'Impact', 'Probability', ...head],
      ['CRR1', 'Q2 2022/23', 4, 3, ...row],
    ]);
  const issuesOf = (list: SheetGrid[], matrixSpec = DEFAULT_MATRIX_SPEC) =>
    issueText(generateRegister(sheetsOf(list), { ...settings, matrix: matrixFromSpec(matrixSpec) }).issues);

  it.each<[string, SheetGrid[], string[]]>([
    [
      'a target date that is not a date',
      [risks([['next spring', null, null, null]]), assessments([], [])],
      ['error Risks!D2: target date "next spring" is not a date'],
    ],
    [
      'an appetite that is neither a score nor a rating',
      [risks([[null, 'Low-ish', null, null]]), assessments([], [])],
      [
        'error Risks!E2: appetite "Low-ish" is neither a score (1-25) nor one of the ratings (Low, Medium, High, Critical)',
      ],
    ],
    [
      'an appetite score outside the matrix',
      [risks([[null, 40, null, null]]), assessments([], [])],
      ['error Risks!E2: appetite 40 is outside the scores 1-25'],
    ],
    [
      'a rating not in the matrix',
      [risks([[null, null, 'Severe', null]]), assessments([], [])],
      ['error Risks!F2: inherent rating "Severe" is not one of the ratings (Low, Medium, High, Critical)'],
    ],
    [
      'an inherent level outside the matrix',
      [risks([]), assessments(['Inherent impact', 'Inherent probability'], [6, 3])],
      ['error Assessments!E2: inherent impact 6 is outside 1-5'],
    ],
    [
      'an inherent impact without its probability',
      [risks([]), assessments(['Inherent impact', 'Inherent probability'], [4, null])],
      ['error Assessments!F2: inherent probability is missing'],
    ],
    [
      'a residual above the inherent (a warning)',
      [risks([]), assessments(['Inherent impact', 'Inherent probability'], [3, 3])],
      ['warning Assessments!C2: residual score 12 (4 × 3) is above the inherent score 9 (3 × 3)'],
    ],
    [
      'a target above the residual (a warning)',
      [risks([]), assessments(['Target impact', 'Target probability'], [5, 3])],
      ['warning Assessments!E2: target score 15 (5 × 3) is above the residual score 12 (4 × 3)'],
    ],
    [
      'a typed inherent score that disagrees with its levels (a warning)',
      [risks([]), assessments(['Inherent impact', 'Inherent probability', 'Inherent score'], [5, 5, 20])],
      [
        'warning Assessments!G2: inherent score 20 does not match inherent impact 5 × inherent probability 5 = 25',
      ],
    ],
    [
      'a score given alone',
      [risks([]), assessments(['Target score'], [6])],
      [
        'error Assessments!E2: target score 6 needs its target impact and target probability, or a target rating',
      ],
    ],
  ])('%s', (_, list, expected) => {
    expect(issuesOf(list)).toEqual(expected);
  });

  it('uses the Assessments inherent for its quarter, with a warning at the cell, when Risks disagrees', () => {
    const list = [
      sheet('Risks', [
        [...RISKS_HEAD, 'Inherent impact', 'Inherent probability'],
        ['CRR1', 'Cyber', 'Open', 5, 5],
      ]),
      assessments(['Inherent impact', 'Inherent probability'], [4, 4]),
    ];
    const result = generateRegister(sheetsOf(list), settings);
    expect(issueText(result.issues)).toEqual([
      "warning Assessments!E2: inherent score 16 (4 × 4) differs from the Risks sheet's score 25 (5 × 5) for CRR1; this quarter's is used",
    ]);
    expect(result.model!.open[0]!.inherent).toMatchObject({ score: 16, rating: 'High' });
  });

  it('warns when a category has no appetite in the matrix, and the default applies', () => {
    const spec = { ...DEFAULT_MATRIX_SPEC, appetite: { default: 'High', categories: { Finance: 8 } } };
    const list = [risks([[null, null, null, 'Estates']]), assessments([], [])];
    expect(issuesOf(list, spec)).toEqual([
      'warning Risks!G2: category "Estates" has no appetite in the matrix (finance); the default appetite applies',
    ]);
  });
});

describe('appetite', () => {
  const spec = { ...DEFAULT_MATRIX_SPEC, appetite: { default: 'High', categories: { Finance: 8 } } };
  const list = [
    sheet('Risks', [
      [...RISKS_HEAD, 'Appetite', 'Category'],
      ['A1', 'Own score', 'Open', 10, 'Finance'],
      ['A2', 'By category', 'Open', null, 'finance'],
      ['A3', 'By default', 'Open', null, null],
      ['A4', 'Own rating', 'Open', 'medium', null],
    ]),
    sheet('Assessments', [
      ['Risk ID', 'Quarter', 'Impact', 'Probability'],
      ['A1', 'Q2 2022/23', 4, 3],
      ['A2', 'Q2 2022/23', 3, 3],
      ['A3', 'Q2 2022/23', 5, 4],
      ['A4', 'Q2 2022/23', 2, 2],
    ]),
  ];
  const result = generateRegister(sheetsOf(list), { ...settings, matrix: matrixFromSpec(spec) });

  it('applies the risk’s own, else its category’s, else the default, and flags what is above it', () => {
    expect(result.issues).toEqual([]);
    const json = registerJson(result.model!, calendar, []);
    expect(json.open.map((risk) => [risk.id, risk.appetite, risk.aboveAppetite])).toEqual([
      ['A3', 'High', true],
      ['A1', 10, true],
      ['A2', 8, true],
      ['A4', 'Medium', false],
    ]);
    expect(result.model!.movement.aboveAppetite!.map((risk) => risk.id)).toEqual(['A3', 'A1', 'A2']);
  });

  it('shows the flag in the register and the count and list in the movement summary', () => {
    const plans = quarterlyReportPlans(result.model!, { matrix: result.matrix, calendar, title: 'R' });
    const register = values(plans[0]!);
    expect(register[3]!.at(-1)).toBe('Appetite');
    expect(register.slice(4).map((row) => row.at(-1))).toEqual([
      'Above (High)',
      'Above (10)',
      'Above (8)',
      'Within (Medium)',
    ]);
    expect(plans[0]!.cells[4]!.at(-1)!.style?.fill).toBe('#FFC7CE');
    const movement = values(plans[2]!);
    expect(movement).toContainEqual(['Above appetite', 3]);
    const list = movement.findIndex((row) => row[0] === 'Risks above appetite');
    expect(movement.slice(list + 2, list + 5).map((row) => row[0])).toEqual(['A3', 'A1', 'A2']);
  });

  it('round-trips the matrix appetite through the Scoring sheet, and rejects a bad one at its cell', () => {
    const rows = scoringSheetRows(spec);
    expect(readScoringSheet({ name: 'Scoring', rows }).spec?.appetite).toEqual(spec.appetite);
    rows[rows.length - 1]![1] = 'Enormous';
    expect(issueText(readScoringSheet({ name: 'Scoring', rows }).issues)).toEqual([
      `error Scoring!B${rows.length}: appetite for "Finance" "Enormous" is neither a score (1-25) nor one of the ratings (Low, Medium, High, Critical)`,
    ]);
    expect(checkMatrix({ ...DEFAULT_MATRIX_SPEC, appetite: { default: 0 } })).toEqual({
      ok: false,
      errors: ['default appetite 0 is outside the scores 1-25'],
    });
    expect(checkMatrix({ ...DEFAULT_MATRIX_SPEC, appetite: [8] })).toEqual({
      ok: false,
      errors: ['appetite must be an object with a default and/or categories'],
    });
  });
});

describe('a ratings-only register (R/A/G)', () => {
  const matrix = matrixFromSpec(RAG_MATRIX_SPEC);
  const result = generateRegister(sheetsOf(ragRegisterSheets()), {
    ...settings,
    matrix,
    historyCount: 8,
  });

  it('reads a Rating alone, with no Impact or Probability columns', () => {
    expect(result.issues).toEqual([]);
    expect(result.model!.open.map((row) => [row.risk.id, row.rating, row.score])).toEqual([
      ['R1', 'Red', undefined],
      ['R4', 'Amber', undefined],
      ['R2', 'Green', undefined],
    ]);
  });

  it('gives trends by the rating order, and null levels and ratings per quarter in the JSON', () => {
    const json = registerJson(result.model!, calendar, []);
    expect(json.quarters).toEqual(['Q2 2021/22', 'Q3 2021/22', 'Q4 2021/22', 'Q1 2022/23']);
    const r1 = json.open[0]!;
    expect(r1).toMatchObject({
      id: 'R1',
      impact: null,
      probability: null,
      score: null,
      rating: 'Red',
      trend: ['↓', '↔', '↔', '↑'],
      ratings: ['Amber', 'Amber', 'Amber', 'Red'],
      inherent: null,
      target: null,
      appetite: null,
      aboveAppetite: null,
    });
    expect(json.open[2]!.trend).toEqual(['↑', '↔', '↔', '↓']);
  });

  it('writes a History sheet: the rating in force each quarter, blank before the first assessment and after closure', () => {
    const plans = quarterlyReportPlans(result.model!, { matrix, calendar, title: 'R' });
    const history = plans.find((plan) => plan.name === 'History Q1 2022-23')!;
    const rows = values(history);
    expect(rows[3]).toEqual([
      'ID',
      'Risk name',
      'Q2 20/21',
      'Q3 20/21',
      'Q4 20/21',
      'Q1 21/22',
      'Q2 21/22',
      'Q3 21/22',
      'Q4 21/22',
      'Q1 22/23',
    ]);
    expect(rows.slice(4)).toEqual([
      ['R1', 'Adult social care demand', 'Amber', 'Red', 'Red', 'Red', 'Amber', 'Amber', 'Amber', 'Red'],
      ['R4', 'Cyber security', null, null, null, null, null, null, null, 'Amber'],
      ['R2', 'Schools capital', null, null, 'Green', 'Green', 'Amber', 'Amber', 'Amber', 'Green'],
      // Closed on 10 December 2021 (Q3 2021/22): shown in its closing quarter, blank after.
      ['R3', 'Pandemic recovery', 'Red', 'Red', 'Amber', 'Amber', 'Green', 'Green', null, null],
    ]);
    // Coloured by one rule per rating over the rating cells, not a fill per cell.
    expect(history.conditionalFormats.map((rule) => [rule.formula, rule.style.fill])).toEqual([
      ['C5="Green"', '#00B050'],
      ['C5="Amber"', '#FFC000'],
      ['C5="Red"', '#FF0000'],
    ]);
    expect(history.conditionalFormats[0]!.range).toEqual({ top: 4, left: 2, bottom: 7, right: 9 });
    expect(registerJson(result.model!, calendar, []).history).toHaveLength(8);
  });

  it('lists the risks beside the heat map as not scored', () => {
    const plans = quarterlyReportPlans(result.model!, { matrix, calendar, title: 'R' });
    const heat = values(plans.find((plan) => plan.name.startsWith('Heat map'))!);
    const at = heat.findIndex((row) => String(row[0]).startsWith('Not scored'));
    expect(heat.slice(at + 2)).toEqual([
      ['R1', 'Red'],
      ['R4', 'Amber'],
      ['R2', 'Green'],
    ]);
  });

  it('shortens the History sheet with historyCount', () => {
    const short = generateRegister(sheetsOf(ragRegisterSheets()), { ...settings, matrix, historyCount: 2 });
    expect(short.model!.history.quarters).toHaveLength(2);
    expect(short.model!.history.rows.map((row) => row.id)).toEqual(['R1', 'R4', 'R2']);
  });

  it('round-trips a ratings-only matrix through the Scoring sheet, which holds the ratings alone', () => {
    const rows = scoringSheetRows(RAG_MATRIX_SPEC);
    expect(rows.map((row) => row[0]).filter((cell) => cell === 'Impact' || cell === 'Probability')).toEqual(
      [],
    );
    const read = readScoringSheet({ name: 'Scoring', rows });
    expect(read.issues).toEqual([]);
    expect(read.spec).toEqual(matrix.spec);
    expect(checkMatrix({ name: 'RAG', ratings: RAG_MATRIX_SPEC.ratings }).ok).toBe(true);
  });

  it('rejects levels given against it, at the cell', () => {
    const [risks] = ragRegisterSheets();
    const assessments = sheet('Assessments', [
      ['Risk ID', 'Quarter', 'Impact', 'Probability', 'Rating'],
      ['R1', 'Q1 2022/23', 3, 2, null],
      ['R2', 'Q1 2022/23', null, null, 'Purple'],
    ]);
    expect(issueText(generateRegister({ risks, assessments }, { ...settings, matrix }).issues)).toEqual([
      'error Assessments!C2: impact 3: the matrix "Council RAG" has ratings only (Green, Amber, Red), so give a rating',
      'error Assessments!E3: rating "Purple" is not one of the ratings (Green, Amber, Red)',
    ]);
  });

  it('asks for the rating a row lacks, and names the level given alone at its own cell', () => {
    const [risks] = ragRegisterSheets();
    const assessments = sheet('Assessments', [
      ['Risk ID', 'Quarter', 'Impact', 'Probability', 'Rating', 'Score'],
      ['R1', 'Q1 2022/23', null, null, null, null],
      ['R2', 'Q1 2022/23', null, '4', null, null],
      ['R4', 'Q1 2022/23', null, null, 'amber', 9],
    ]);
    expect(issueText(generateRegister({ risks, assessments }, { ...settings, matrix }).issues)).toEqual([
      'error Assessments!E2: rating is missing: the matrix "Council RAG" has ratings only (Green, Amber, Red)',
      'error Assessments!D3: probability "4": the matrix "Council RAG" has ratings only (Green, Amber, Red), so give a rating',
      'error Assessments!F4: score 9 needs its impact and probability, or a rating',
    ]);
  });
});

describe('the functions on ratings', () => {
  const rag = matrixFromSpec(RAG_MATRIX_SPEC);
  it('RISKTREND compares two rating names by the matrix order, in the function and its LAMBDA alike', () => {
    const trend = lambdaDefinitions(rag).find((def) => def.name === 'RISKTREND')!;
    for (const [previous, current, expected] of [
      ['Amber', 'Red', '↑'],
      ['Red', 'Green', '↓'],
      ['amber', 'Amber', '↔'],
      ['', 'Green', 'New'],
      [8, 12, '↑'],
    ] as const) {
      expect(evaluateRiskFunction('RISKTREND', rag, [previous, current])).toBe(expected);
      expect(evaluateFormula(trend.body, { previous, current })).toBe(expected);
    }
    expect(evaluateFormula(trend.body, { previous: 'Purple', current: 'Red' })).toEqual({ error: '#VALUE!' });
  });

  it('RISKSCORE and RISKRATING on a ratings-only matrix say it has no levels; blanks stay blank', () => {
    expect(evaluateRiskFunction('RISKRATING', rag, [3, 2])).toEqual({
      kind: 'error',
      code: '#VALUE!',
      message:
        'the matrix "Council RAG" has ratings only (Green, Amber, Red): there are no impact and probability levels to rate',
    });
    expect(evaluateRiskFunction('RISKSCORE', rag, [null, null])).toBe('');
    const score = lambdaDefinitions(rag).find((def) => def.name === 'RISKSCORE')!;
    expect(evaluateFormula(score.body, { impact: 3, probability: 2 })).toEqual({ error: '#VALUE!' });
    expect(evaluateRiskFunction('RISKTREND', DEFAULT_MATRIX, ['Low', 'High'])).toBe('↑');
  });
});

describe('a register without the optional columns', () => {
  it('lays out the seed register with no optional column, list or count', () => {
    const [risks, assessments] = forceRegisterSheets();
    // The example's own optional columns and proposals for closure removed: the seed's workbook.
    const seedRisks = sheet(
      'Risks',
      risks!.rows.map((row) =>
        row.slice(0, 11).map((value) => (value === 'Proposed for closure' ? 'Open' : value)),
      ) as CellValue[][],
    );
    const result = generateRegister({ risks: seedRisks, assessments }, settings);
    const plans = quarterlyReportPlans(result.model!, { matrix: result.matrix, calendar, title: 'R' });
    expect(values(plans[0]!)[3]!.at(-1)).toBe('Residual risk rating');
    expect(values(plans[0]!)[3]).toHaveLength(10);
    expect(values(plans[2]!).flat()).not.toContain('Above appetite');
    expect(result.model!.movement.aboveAppetite).toBeUndefined();
    expect(result.model!.notScored).toEqual([]);
    const json = registerJson(result.model!, calendar, []);
    expect(json.open[0]).toMatchObject({
      inherent: null,
      target: null,
      appetite: null,
      aboveAppetite: null,
      status: 'Open',
      reviewOverdue: null,
      actions: null,
    });
    expect(json.transferred).toEqual([]);
  });
});
