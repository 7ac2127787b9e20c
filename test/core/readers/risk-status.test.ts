import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../core/cells/cell.ts';
import { dateCell } from '../../../core/cells/cell.ts';
import { formatIssue } from '../../../core/issues/issue.ts';
import { APRIL_FISCAL_YEAR } from '../../../core/quarters/quarter.ts';
import { ASSESSMENT_HEADERS, RISK_HEADERS } from '../../../core/readers/headers.ts';
import { readRegisterSheets } from '../../../core/readers/read-register.ts';
import { reviewFrequencyOf } from '../../../core/readers/review-frequency.ts';
import { riskStatusOf } from '../../../core/readers/risk-status.ts';
import { bandMatrix } from '../../support/band-matrix.ts';
import type { ManagementRiskFields } from '../../support/risk-row.ts';
import { MANAGEMENT_RISK_HEADERS, managementRiskRow } from '../../support/risk-row.ts';

const HEAD = [...MANAGEMENT_RISK_HEADERS];
const row = (
  id: string,
  status: CellValue,
  extra: Pick<ManagementRiskFields, 'closed' | 'rationale' | 'to' | 'next' | 'frequency'> = {},
): CellValue[] => managementRiskRow(id, { ...extra, status });

function read(rows: CellValue[][], head: CellValue[] = HEAD) {
  return readRegisterSheets(
    {
      risks: { name: 'Risks', rows: [head, ...rows] },
      assessments: { name: 'Assessments', rows: [[...ASSESSMENT_HEADERS]] },
    },
    { matrix: bandMatrix(), calendar: APRIL_FISCAL_YEAR },
  );
}
const lines = (result: ReturnType<typeof read>) =>
  result.issues.map((issue) => `${issue.severity.padEnd(7)} ${formatIssue(issue)}`);

describe('risk statuses', () => {
  it.each([
    ['open', 'Open'],
    ['Proposed for closure', 'Proposed for closure'],
    ['Recommended for closure', 'Proposed for closure'],
    ['closure proposed', 'Proposed for closure'],
    ['CLOSED', 'Closed'],
    ['Transferred', 'Transferred'],
    ['De-escalated', 'Transferred'],
  ] as const)('%s reads as %s', (text, status) => expect(riskStatusOf(text)?.status).toBe(status));

  it('reads where a status says the risk went', () => {
    expect(riskStatusOf('Escalated to portfolio')).toEqual({ status: 'Transferred', to: 'portfolio' });
    expect(riskStatusOf('De-escalated to Crime portfolio')).toEqual({
      status: 'Transferred',
      to: 'Crime portfolio',
    });
    expect(riskStatusOf('Maybe')).toBeUndefined();
  });

  it('reads Proposed for closure and Transferred risks with their rationale and destination', () => {
    const result = read([
      row('CRR1', 'Recommended for closure', { rationale: 'Managed at portfolio level' }),
      row('CRR2', 'Transferred', {
        closed: dateCell('2022-08-01'),
        to: 'Crime portfolio',
        rationale: 'Local',
      }),
      row('CRR3', 'Escalated to portfolio', { closed: dateCell('2022-08-01') }),
    ]);
    expect(lines(result)).toEqual([]);
    expect(result.risks.map((r) => [r.id, r.status, r.transferredTo, r.closureRationale])).toEqual([
      ['CRR1', 'Proposed for closure', undefined, 'Managed at portfolio level'],
      ['CRR2', 'Transferred', 'Crime portfolio', 'Local'],
      ['CRR3', 'Transferred', 'portfolio', ''],
    ]);
  });

  it('reports a Transferred risk without a date or destination, and a proposal without a rationale', () => {
    const result = read([
      row('CRR1', 'Transferred'),
      row('CRR2', 'Proposed for closure'),
      row('CRR3', 'Maybe'),
      row('CRR4', 'Open', { closed: dateCell('2022-08-01') }),
    ]);
    expect(lines(result)).toEqual([
      'error   Risks!I2: CRR1 is Transferred but has no date closed (the date it left this register)',
      'error   Risks!L2: CRR1 is Transferred but does not say where to: fill in Transferred to',
      'warning Risks!J3: CRR2 is Proposed for closure but has no closure rationale for the committee',
      'error   Risks!G4: status "Maybe" is not Open, Proposed for closure, Closed or Transferred',
      'warning Risks!I5: CRR4 has a date closed but its status is Open',
    ]);
    expect(result.risks.map((r) => r.id)).toEqual(['CRR2', 'CRR4']);
  });

  it('addresses a missing destination to the status when there is no Transferred to column', () => {
    const result = read(
      [row('CRR1', 'Transferred', { closed: dateCell('2022-08-01') }).slice(0, 11)],
      [...RISK_HEADERS],
    );
    expect(lines(result)).toEqual([
      'error   Risks!G2: CRR1 is Transferred but does not say where to: fill in Transferred to',
    ]);
  });
});

describe('reviews on Risks', () => {
  it('reads the next review date and the review frequency, in the words registers use', () => {
    const result = read([
      row('CRR1', 'Open', { next: dateCell('2022-09-01'), frequency: 'half-yearly' }),
      row('CRR2', 'Open', { next: '01/10/2022', frequency: 'Quarterly' }),
    ]);
    expect(lines(result)).toEqual([]);
    expect(result.risks.map((r) => [r.nextReview, r.reviewFrequency])).toEqual([
      ['2022-09-01', '6-monthly'],
      ['2022-10-01', 'Quarterly'],
    ]);
    expect(result.riskColumns.has('nextReview')).toBe(true);
    expect(read([], [...RISK_HEADERS]).riskColumns.has('nextReview')).toBe(false);
  });

  it('reports a next review that is not a date and a frequency it does not know', () => {
    const result = read([row('CRR1', 'Open', { next: 'soon', frequency: 'fortnightly' })]);
    expect(lines(result)).toEqual([
      'error   Risks!M2: next review "soon" is not a date',
      'error   Risks!N2: review frequency "fortnightly" is not Monthly, Quarterly, 6-monthly or Annually',
    ]);
  });

  it.each([
    ['monthly', 'Monthly'],
    ['every quarter', 'Quarterly'],
    ['Six-monthly', '6-monthly'],
    ['annual', 'Annually'],
  ] as const)('frequency %s → %s', (text, frequency) => expect(reviewFrequencyOf(text)).toBe(frequency));
});
