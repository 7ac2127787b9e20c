import { describe, expect, it } from 'vitest';
import type { CellValue, SheetGrid } from '../../../core/cells/cell.ts';
import { dateCell } from '../../../core/cells/cell.ts';
import { generateRegister } from '../../../core/jobs/analyse-workbook.ts';
import { DEFAULT_JOB_SETTINGS } from '../../../core/jobs/job-settings.ts';
import { quarterlyReportPlans } from '../../../core/layout/report-plans.ts';
import { APRIL_FISCAL_YEAR } from '../../../core/quarters/quarter.ts';
import { ASSESSMENT_HEADERS, RISK_HEADERS } from '../../../core/readers/headers.ts';
import { ACTION_HEADERS } from '../../../core/readers/read-actions.ts';
import { registerJson } from '../../../core/register/register-json.ts';
import { MANAGEMENT_RISK_HEADERS, managementRiskRow } from '../../support/risk-row.ts';

const Q2 = { fiscalYear: 2022, quarter: 2 } as const;
const RISK_HEAD = [...MANAGEMENT_RISK_HEADERS];
type Extra = {
  status?: string;
  closed?: string;
  rationale?: string;
  to?: string;
  next?: string;
  frequency?: string;
};
/** Dates as ISO text here, written as date cells. */
const risk = (id: string, { closed, next, ...extra }: Extra = {}): CellValue[] =>
  managementRiskRow(id, {
    ...extra,
    ...(closed ? { closed: dateCell(closed) } : {}),
    ...(next ? { next: dateCell(next) } : {}),
  });
const assess = (id: string, quarter: string, i = 3, p = 3): CellValue[] => [id, quarter, i, p];

function sheets(actions?: CellValue[][]): { risks: SheetGrid; assessments: SheetGrid; actions?: SheetGrid } {
  return {
    risks: {
      name: 'Risks',
      rows: [
        RISK_HEAD,
        risk('CRR1', { next: '2022-08-15' }),
        risk('CRR2', {
          status: 'Recommended for closure',
          rationale: 'Managed at portfolio level',
          next: '2022-12-01',
        }),
        risk('CRR3', { status: 'Escalated to portfolio', closed: '2022-07-20', rationale: 'Local now' }),
        risk('CRR4', { frequency: 'Quarterly' }),
        risk('CRR5', { status: 'Transferred', closed: '2022-11-01', to: 'Finance' }),
      ],
    },
    assessments: {
      name: 'Assessments',
      rows: [
        [...ASSESSMENT_HEADERS],
        assess('CRR1', 'Q2 2022/23', 4, 4),
        assess('CRR2', 'Q2 2022/23'),
        assess('CRR3', 'Q1 2022/23', 4, 3),
        assess('CRR4', 'Q4 2021/22'),
        assess('CRR5', 'Q2 2022/23', 2, 2),
      ],
    },
    ...(actions ? { actions: { name: 'Actions', rows: [[...ACTION_HEADERS], ...actions] } } : {}),
  };
}

const generated = (actions?: CellValue[][]) =>
  generateRegister(sheets(actions), { ...DEFAULT_JOB_SETTINGS, quarter: Q2 });

describe('the register of a workbook with reviews, actions, proposals and transfers', () => {
  const actions = [
    ['CRR1', 'Audit', 'Head of IM', dateCell('2022-09-01'), 'In progress', null],
    ['CRR1', 'Train', 'ACC', dateCell('2022-12-01'), 'Not started', null],
    ['CRR1', 'Done later', 'ACC', dateCell('2022-06-01'), 'Complete', dateCell('2022-10-05')],
    ['CRR2', 'Finished', 'ACC', dateCell('2022-06-01'), 'Complete', dateCell('2022-07-01')],
    ['CRR5', 'Hand over', 'ACC', dateCell('2022-06-01'), 'In progress', null],
  ];
  const result = generated(actions);
  const model = result.model!;

  it('keeps proposals open, lists transfers in their quarter, and counts reviews and actions per risk', () => {
    expect(model.open.map((r) => [r.risk.id, r.status, r.reviewOverdue, r.actions])).toEqual([
      ['CRR1', 'Open', true, { open: 3, overdue: 2 }],
      ['CRR2', 'Proposed for closure', false, { open: 0, overdue: 0 }],
      ['CRR4', 'Open', true, { open: 0, overdue: 0 }],
      ['CRR5', 'Open', false, { open: 1, overdue: 1 }],
    ]);
    expect(model.transferred).toEqual([
      {
        id: 'CRR3',
        name: 'Risk CRR3',
        to: 'portfolio',
        date: '2022-07-20',
        rationale: 'Local now',
        lastRating: 'High',
      },
    ]);
    expect(model.movement.proposedForClosure.map((r) => r.id)).toEqual(['CRR2']);
    expect(model.movement.transferred.map((r) => r.id)).toEqual(['CRR3']);
    expect(model.movement.reviewsOverdue.map((r) => r.id)).toEqual(['CRR1', 'CRR4']);
    expect(model.movement.withoutOpenAction.map((r) => r.id)).toEqual(['CRR2', 'CRR4']);
    expect(model.movement.withOverdueActions.map((r) => r.id)).toEqual(['CRR1', 'CRR5']);
    expect(model.movement.overdueActions).toBe(3);
  });

  it('lists open actions overdue first, then by due date', () => {
    expect(model.actions.map((a) => [a.riskId, a.action, a.overdue])).toEqual([
      ['CRR1', 'Done later', true],
      ['CRR5', 'Hand over', true],
      ['CRR1', 'Audit', true],
      ['CRR1', 'Train', false],
    ]);
  });

  it('warns at the cells of overdue reviews and actions', () => {
    expect(result.issues.filter((i) => /due/.test(i.message))).toEqual([
      {
        severity: 'warning',
        sheet: 'Risks',
        cell: 'M2',
        message: 'CRR1 was due for review on 15/08/2022, before the end of Q2 2022/23',
      },
      {
        severity: 'warning',
        sheet: 'Risks',
        cell: 'N5',
        message:
          'CRR4 was due for review on 30/06/2022 (Quarterly from its Q4 2021/22 assessment), before the end of Q2 2022/23',
      },
      {
        severity: 'warning',
        sheet: 'Actions',
        cell: 'D2',
        message: 'action for CRR1 was due on 01/09/2022 and is not complete at the end of Q2 2022/23',
      },
      {
        severity: 'warning',
        sheet: 'Actions',
        cell: 'D4',
        message: 'action for CRR1 was due on 01/06/2022 and is not complete at the end of Q2 2022/23',
      },
      {
        severity: 'warning',
        sheet: 'Actions',
        cell: 'D6',
        message: 'action for CRR5 was due on 01/06/2022 and is not complete at the end of Q2 2022/23',
      },
    ]);
  });

  it('gives the JSON fields of PRODUCT §8', () => {
    const json = registerJson(model, APRIL_FISCAL_YEAR, []);
    expect(
      json.open.map(({ id, status, reviewOverdue, actions: counts }) => ({
        id,
        status,
        reviewOverdue,
        actions: counts,
      })),
    ).toEqual([
      { id: 'CRR1', status: 'Open', reviewOverdue: true, actions: { open: 3, overdue: 2 } },
      { id: 'CRR2', status: 'Proposed for closure', reviewOverdue: false, actions: { open: 0, overdue: 0 } },
      { id: 'CRR4', status: 'Open', reviewOverdue: true, actions: { open: 0, overdue: 0 } },
      { id: 'CRR5', status: 'Open', reviewOverdue: false, actions: { open: 1, overdue: 1 } },
    ]);
    expect(json.transferred).toEqual([
      { id: 'CRR3', name: 'Risk CRR3', to: 'portfolio', date: '2022-07-20', rationale: 'Local now' },
    ]);
  });

  it('lays out the management columns, the Actions sheet and the Transferred section', () => {
    const plans = quarterlyReportPlans(model, {
      matrix: result.matrix,
      calendar: APRIL_FISCAL_YEAR,
      title: 'Register',
    });
    expect(plans.map((p) => p.name)).toContain('Actions Q2 2022-23');
    const register = plans[0]!;
    const header = register.cells[3]!.map((c) => c.value);
    expect(header).toEqual(
      expect.arrayContaining(['Status', 'Next review', 'Open actions', 'Overdue actions']),
    );
    const statusColumn = header.indexOf('Status');
    expect(register.cells[5]![statusColumn]!.value).toBe('Proposed for closure: Managed at portfolio level');
    const actionsSheet = plans.find((p) => p.name === 'Actions Q2 2022-23')!;
    expect(actionsSheet.cells.slice(4).map((row) => [row[0]!.value, row[2]!.value, row[6]!.value])).toEqual([
      ['CRR1', 'Done later', 'Overdue'],
      ['CRR5', 'Hand over', 'Overdue'],
      ['CRR1', 'Audit', 'Overdue'],
      ['CRR1', 'Train', null],
    ]);
    const closed = plans.find((p) => p.name.startsWith('Closed'))!;
    const texts = closed.cells.flat().map((c) => c.value);
    expect(texts).toContain('Transferred to other registers in Q2 2022/23');
    expect(texts).toContain('portfolio');
    const movement = plans.find((p) => p.name.startsWith('Movement'))!;
    const labels = movement.cells.map((row) => [row[0]?.value, row[1]?.value]);
    expect(labels).toEqual(
      expect.arrayContaining([
        ['Proposed for closure', 1],
        ['Transferred to other registers', 1],
        ['Overdue for review', 2],
        ['With overdue actions', 2],
        ['With no open action', 2],
      ]),
    );
  });
});

describe('a workbook without the management columns', () => {
  it('gives null review and action fields and lays out no management column or Actions sheet', () => {
    const plain = {
      risks: { name: 'Risks', rows: [[...RISK_HEADERS], risk('CRR1').slice(0, 11)] },
      assessments: { name: 'Assessments', rows: [[...ASSESSMENT_HEADERS], assess('CRR1', 'Q2 2022/23')] },
    };
    const result = generateRegister(plain, { ...DEFAULT_JOB_SETTINGS, quarter: Q2 });
    const json = registerJson(result.model!, APRIL_FISCAL_YEAR, []);
    expect(json.open[0]).toMatchObject({ status: 'Open', reviewOverdue: null, actions: null });
    expect(json.transferred).toEqual([]);
    const plans = quarterlyReportPlans(result.model!, {
      matrix: result.matrix,
      calendar: APRIL_FISCAL_YEAR,
      title: 'R',
    });
    expect(plans.some((p) => p.name.startsWith('Actions'))).toBe(false);
    expect(plans[0]!.cells[3]!.map((c) => c.value)).not.toContain('Open actions');
  });

  it('an Actions sheet with no rows still gives counts of zero and an empty Actions sheet', () => {
    const result = generated([]);
    expect(result.model!.open.every((r) => r.actions?.open === 0)).toBe(true);
    expect(result.model!.actions).toEqual([]);
  });
});
