import { describe, expect, it } from 'vitest';
import { isClosedInQuarter, isOpenInQuarter } from '../../../core/register/open-in-quarter.ts';
import { buildRegister } from '../../../core/register/register-model.ts';
import { checkReassessed } from '../../../core/readers/read-register.ts';
import type { Risk } from '../../../core/readers/risk.ts';
import { APRIL_FISCAL_YEAR } from '../../../core/quarters/quarter.ts';
import { bandMatrix } from '../../support/band-matrix.ts';
import { typedRisk } from '../../support/typed-risk.ts';

// Q2 2022/23 runs 2022-07-01 to 2022-09-30.
const Q2_2022 = { fiscalYear: 2022, quarter: 2 } as const;

/** The risk's name is its ID here. */
const risk = (id: string, extra: Partial<Risk> = {}): Risk => typedRisk(id, { name: id, ...extra });

const cases: [string, Partial<Risk>, { open: boolean; closed: boolean }][] = [
  ['no date raised, Open', {}, { open: true, closed: false }],
  ['raised on the last day, Open', { dateRaised: '2022-09-30' }, { open: true, closed: false }],
  ['raised the day after, Open', { dateRaised: '2022-10-01' }, { open: false, closed: false }],
  ['Closed on the last day', { status: 'Closed', dateClosed: '2022-09-30' }, { open: false, closed: true }],
  ['Closed on the first day', { status: 'Closed', dateClosed: '2022-07-01' }, { open: false, closed: true }],
  [
    'Closed the day before the first',
    { status: 'Closed', dateClosed: '2022-06-30' },
    { open: false, closed: false },
  ],
  [
    'Closed the day after the last',
    { status: 'Closed', dateClosed: '2022-10-01' },
    { open: true, closed: false },
  ],
  ['Closed with no date closed', { status: 'Closed' }, { open: false, closed: false }],
  [
    'raised after the quarter, Closed in it',
    { status: 'Closed', dateRaised: '2022-10-01', dateClosed: '2022-09-30' },
    { open: false, closed: false },
  ],
];

describe('isOpenInQuarter and isClosedInQuarter at the quarter boundaries', () => {
  it.each(cases)('%s', (_, extra, expected) => {
    const r = risk('CRR01', extra);
    expect(isOpenInQuarter(r, Q2_2022, APRIL_FISCAL_YEAR)).toBe(expected.open);
    expect(isClosedInQuarter(r, Q2_2022, APRIL_FISCAL_YEAR)).toBe(expected.closed);
  });

  it.each(cases)('the register and the re-assessment check agree: %s', (_, extra, expected) => {
    const r = risk('CRR01', extra);
    const model = buildRegister({
      risks: [r],
      assessments: [
        { riskId: 'CRR01', quarter: Q2_2022, impact: 2, probability: 2, severity: 0, commentary: '', row: 1 },
      ],
      matrix: bandMatrix(),
      calendar: APRIL_FISCAL_YEAR,
      quarter: Q2_2022,
      quarterCount: 4,
    });
    expect(model.open.length === 1).toBe(expected.open);
    expect(model.closed.length === 1).toBe(expected.closed);
    const warnings = checkReassessed([r], [], Q2_2022, APRIL_FISCAL_YEAR, { risks: 'Risks' });
    expect(warnings.length === 1).toBe(expected.open);
  });
});
