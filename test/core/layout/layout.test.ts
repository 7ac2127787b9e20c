import { describe, expect, it } from 'vitest';
import { dataSheetPlans } from '../../../core/layout/data-sheets.ts';
import { VALIDATION_MARGIN } from '../../../core/layout/data-sheet-rules.ts';
import { quarterlyReportPlans } from '../../../core/layout/report-plans.ts';
import { registerSheetPlan } from '../../../core/layout/register-sheet.ts';
import { REPORT_HEADER_ROWS } from '../../../core/layout/report-table-sheet.ts';
import { safeSheetName } from '../../../core/layout/sheet-name.ts';
import { heatMapSheetPlan } from '../../../core/layout/heat-map-sheet.ts';
import { ROW_HEIGHT_MAX } from '../../../core/layout/row-height.ts';
import { CELL_TEXT_MAX } from '../../../core/layout/cell-text.ts';
import { buildRegister } from '../../../core/register/register-model.ts';
import { APRIL_FISCAL_YEAR, formatQuarter } from '../../../core/quarters/quarter.ts';
import type { Assessment, Risk } from '../../../core/readers/risk.ts';
import type { PlanCell, SheetPlan } from '../../../core/layout/sheet-plan.ts';
import { bandMatrix } from '../../support/band-matrix.ts';
import { typedRisk } from '../../support/typed-risk.ts';
import { ratingIndexOf } from '../../../core/matrix/matrix-lookup.ts';

const matrix = bandMatrix();
const calendar = APRIL_FISCAL_YEAR;
const options = { matrix, calendar, title: 'Force Risk Register' };

const risk = (id: string, extra: Partial<Risk> = {}): Risk =>
  typedRisk(id, { description: `${id} description`, ...extra });
function assess(
  riskId: string,
  fiscalYear: number,
  quarter: 1 | 2 | 3 | 4,
  impact: number,
  probability: number,
): Assessment {
  return {
    riskId,
    quarter: { fiscalYear, quarter },
    impact,
    probability,
    severity: ratingIndexOf(matrix, impact, probability),
    commentary: '',
    row: 1,
  };
}
const values = (plan: SheetPlan) => plan.cells.map((row) => row.map((c: PlanCell) => c.value));

const model = buildRegister({
  risks: [
    risk('CRR20', {
      description: '=HYPERLINK("http://evil","click")',
      controls: '- The Parole Board…\n- Work has been undertaken',
    }),
    risk('CRR16', { impactNarrative: 'x'.repeat(40_000) }),
    risk('CRR14', {
      status: 'Closed',
      dateClosed: '2022-08-15',
      closureRationale: 'Manual work is complete',
      closureReported: '2022-09-29',
    }),
  ],
  assessments: [
    assess('CRR20', 2021, 3, 5, 4),
    assess('CRR16', 2021, 1, 3, 3),
    assess('CRR16', 2022, 2, 2, 3),
    assess('CRR14', 2022, 1, 3, 3),
  ],
  matrix,
  calendar,
  quarter: { fiscalYear: 2022, quarter: 2 },
  quarterCount: 4,
});

describe('register sheet', () => {
  const plan = registerSheetPlan(model, options);
  it('is named for the quarter with a name every host accepts', () => {
    expect(plan.name).toBe('Register Q2 2022-23');
  });
  it('counts the open risks in its subtitle, in the singular for one', () => {
    expect(plan.cells[1]![0]!.value).toMatch(/^2 open risks, most severe first\./);
    const one = registerSheetPlan({ ...model, open: model.open.slice(0, 1) }, options);
    expect(one.cells[1]![0]!.value).toMatch(/^1 open risk, most severe first\./);
  });
  it('has the reference’s columns with a trend column per quarter', () => {
    expect(values(plan)[REPORT_HEADER_ROWS - 1]).toEqual([
      'ID',
      'Risk name',
      'Description',
      'Impact',
      'Key controls and activities',
      'Q3 21/22',
      'Q4 21/22',
      'Q1 22/23',
      'Q2 22/23',
      'Residual risk rating',
    ]);
  });
  it('lists open risks in register order with trends and a rating coloured from the matrix', () => {
    const rows = plan.cells.slice(REPORT_HEADER_ROWS);
    expect(rows.map((r) => r[0]!.value)).toEqual(['CRR20', 'CRR16']);
    expect(rows[0]!.slice(5).map((c) => c.value)).toEqual(['New', '↔', '↔', '↔', 'Critical']);
    expect(rows[0]![9]!.style?.fill).toBe('#FF0000');
    expect(rows[1]!.slice(5).map((c) => c.value)).toEqual(['↔', '↔', '↔', '↓', 'Medium']);
  });
  it('keeps formula-like text as a plain string value (hosts write strings as text)', () => {
    expect(plan.cells[REPORT_HEADER_ROWS]![2]!.value).toBe('=HYPERLINK("http://evil","click")');
  });
  it('cuts text longer than a cell holds, visibly', () => {
    const text = plan.cells[REPORT_HEADER_ROWS + 1]![3]!.value as string;
    expect(text.length).toBe(CELL_TEXT_MAX);
    expect(text.endsWith('[truncated]')).toBe(true);
  });
  it('freezes and repeats the header, prints landscape fitted to width', () => {
    expect(plan.frozenRows).toBe(REPORT_HEADER_ROWS);
    expect(plan.print).toMatchObject({
      orientation: 'landscape',
      fitToWidth: true,
      repeatRows: REPORT_HEADER_ROWS,
    });
    expect(plan.columnWidths).toHaveLength(10);
  });
  it('has nothing but risks beside the register rows', () => {
    for (const row of plan.cells.slice(REPORT_HEADER_ROWS)) expect(row.length).toBe(10);
  });
});

describe('report sheets', () => {
  const plans = quarterlyReportPlans(model, options);
  const byName = new Map(plans.map((p) => [p.name, p]));
  it('are the register, closed risks, movement, heat map, rating history, trend key and scoring guidance', () => {
    expect(plans.map((p) => p.name)).toEqual([
      'Register Q2 2022-23',
      'Closed Q2 2022-23',
      'Movement Q2 2022-23',
      'Heat map Q2 2022-23',
      'History Q2 2022-23',
      'Trend key',
      'Scoring guidance',
    ]);
  });
  it('lists the closed risk with its rationale and dates as dates', () => {
    const closed = values(byName.get('Closed Q2 2022-23')!);
    expect(closed[4]).toEqual([
      'CRR14',
      'CRR14 name',
      '',
      '',
      'Manual work is complete',
      { kind: 'date', iso: '2022-08-15' },
      { kind: 'date', iso: '2022-09-29' },
    ]);
  });
  it('puts IDs in heat-map cells: probability down from the top, impact across', () => {
    const heat = values(byName.get('Heat map Q2 2022-23')!);
    // Row 3 is probability 5; CRR20 is impact 5 × probability 4 → row 4, column 5.
    expect(heat[4]![5]).toBe('CRR20');
    expect(heat[5]![2]).toBe('CRR16');
    expect(heat[3]![0]).toBe('5 Very likely');
  });
  it('counts movement', () => {
    const movement = values(byName.get('Movement Q2 2022-23')!);
    // CRR16's score fell (9 → 6) but its rating stayed Medium: not a de-escalation.
    expect(movement).toContainEqual(['De-escalated (rating down)', 0]);
    expect(movement).toContainEqual(['Closed', 1]);
    expect(movement).toContainEqual(['New', 0]);
  });
  it('prints the score grid coloured by rating in the scoring guidance', () => {
    const guidance = byName.get('Scoring guidance')!;
    const flat = guidance.cells.flat();
    const cell25 = flat.find((c) => c.value === 25)!;
    expect(cell25.style?.fill).toBe('#FF0000');
    expect(flat.some((c) => c.value === '1 - 4')).toBe(true);
  });
});

describe('data sheets', () => {
  const [risks, assessments] = dataSheetPlans(matrix, {
    risks: [
      ['Risk name', 'ID', 'Status'],
      ['A', 'CRR1', 'Open'],
    ],
    assessments: [
      ['Risk ID', 'Quarter', 'Impact', 'Probability', 'Score', 'Rating'],
      ['CRR1', 'Q2 2022/23', 3, 4, null, null],
    ],
  });
  it('finds columns by header, whatever their order', () => {
    const idRule = risks!.validations.find((v) => v.rule.kind === 'custom')!;
    expect(idRule.range.left).toBe(1);
    expect(idRule.rule).toEqual({
      kind: 'custom',
      formula: `COUNTIF($B$2:$B$${2 + VALIDATION_MARGIN},B2)=1`,
    });
  });
  it('checks Assessments risk IDs against the Risks ID column it found, not an assumed column A', () => {
    const idRule = assessments!.validations.find((v) => v.range.left === 0)!;
    expect(idRule.rule).toEqual({
      kind: 'custom',
      formula: `COUNTIF(Risks!$B$2:$B$${2 + VALIDATION_MARGIN},A2)>0`,
    });
  });

  it('accepts a date or a quarter label in Quarter cells, and every label the core writes passes', () => {
    const quarterRule = assessments!.validations.find((v) => v.range.left === 1)!;
    expect(quarterRule.rule).toEqual({
      kind: 'custom',
      formula: 'OR(ISNUMBER(B2),ISNUMBER(SEARCH("Q",B2)))',
    });
    for (let firstMonth = 1; firstMonth <= 12; firstMonth++) {
      for (const quarter of [1, 2, 3, 4] as const) {
        expect(formatQuarter({ fiscalYear: 2022, quarter }, { firstMonth })).toMatch(/q/i);
      }
    }
  });

  it('bounds every rule to the used rows plus a margin', () => {
    for (const plan of [risks!, assessments!]) {
      for (const v of plan.validations) expect(v.range.bottom).toBe(1 + VALIDATION_MARGIN);
    }
  });
  it('guides impact and probability with whole-number rules and the scoring labels', () => {
    const impact = assessments!.validations.find((v) => v.range.left === 2)!;
    expect(impact.rule).toEqual({ kind: 'wholeNumber', min: 1, max: 5 });
    expect(impact.prompt!.text).toContain('5 Severe');
    expect(impact.prompt!.text.length).toBeLessThanOrEqual(255);
  });
  it('puts RISKSCORE and RISKRATING formulas in the Score and Rating cells', () => {
    expect(assessments!.cells[1]![4]!.value).toEqual({ formula: 'RISKSCORE(C2,D2)' });
    expect(assessments!.cells[1]![5]!.value).toEqual({ formula: 'RISKRATING(C2,D2)' });
  });
  it('colours ratings with expression rules', () => {
    expect(assessments!.conditionalFormats.map((f) => f.formula)).toEqual([
      'F2="Low"',
      'F2="Medium"',
      'F2="High"',
      'F2="Critical"',
    ]);
  });
});

describe('safeSheetName', () => {
  it('replaces characters Excel forbids and keeps to 31 characters', () => {
    expect(safeSheetName('Register Q2 2022/23')).toBe('Register Q2 2022-23');
    expect(safeSheetName('a:b*c?d[e]f\\g')).toBe('a-b-c-d-e-f-g');
    expect(safeSheetName('x'.repeat(40))).toHaveLength(31);
    expect(safeSheetName("'History'")).toBe('History 1');
  });
});

describe('heatMapSheetPlan', () => {
  it('caps its rows at the most a row can be, however many risks share a cell', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `R${i + 1}`);
    const crowded = buildRegister({
      risks: ids.map((id) => risk(id)),
      assessments: ids.map((id) => assess(id, 2022, 2, 5, 5)),
      matrix,
      calendar,
      quarter: { fiscalYear: 2022, quarter: 2 },
      quarterCount: 4,
    });
    const heights = Object.values(heatMapSheetPlan(crowded, options).rowHeights ?? {});
    expect(Math.max(...heights)).toBe(ROW_HEIGHT_MAX);
  });
});
