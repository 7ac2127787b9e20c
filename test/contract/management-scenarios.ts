/**
 * Contract scenarios for the management columns and sheets of PRODUCT §8: proposals for
 * closure, transfers, reviews, the Actions sheet and its bad input. Plain data like scenarios.ts,
 * so every port is loaded with the same workbooks.
 */
import type { CellValue, SheetGrid } from '../../core/cells/cell.ts';
import { dateCell } from '../../core/cells/cell.ts';
import { ASSESSMENT_HEADERS } from '../../core/readers/headers.ts';
import { ACTION_HEADERS } from '../../core/readers/read-actions.ts';
import type { Scenario } from './scenarios.ts';
import { MANAGEMENT_RISK_HEADERS, managementRiskRow } from '../support/risk-row.ts';

const sheet = (name: string, rows: CellValue[][]): SheetGrid => ({ name, rows });
const risk = (
  id: string,
  status: CellValue,
  closed: CellValue = null,
  rationale: CellValue = null,
  to: CellValue = null,
  next: CellValue = null,
  frequency: CellValue = null,
): CellValue[] => managementRiskRow(id, { status, closed, rationale, to, next, frequency });
const assess = (id: string, quarter: string, impact: number, probability: number): CellValue[] => [
  id,
  quarter,
  impact,
  probability,
];
const action = (
  id: CellValue,
  text: CellValue,
  due: CellValue,
  status: CellValue,
  completed: CellValue = null,
): CellValue[] => [id, text, 'Owner', due, status, completed];

export const MANAGEMENT_SCENARIOS: readonly Scenario[] = [
  {
    name: 'proposals, transfers, reviews and actions',
    sheets: [
      sheet('Risks', [
        [...MANAGEMENT_RISK_HEADERS],
        risk('M1', 'Open', null, null, null, dateCell('2022-08-15')),
        risk('M2', 'Recommended for closure', null, 'Managed at portfolio level', null, null, 'Quarterly'),
        risk('M3', 'Escalated to portfolio', dateCell('2022-07-20'), 'Local now'),
        risk(
          'M4',
          'Transferred',
          dateCell('2022-09-01'),
          'Corporate view',
          'Corporate register',
          null,
          'Annually',
        ),
      ]),
      sheet('Assessments', [
        [...ASSESSMENT_HEADERS],
        assess('M1', 'Q1 2022/23', 4, 4),
        assess('M1', 'Q2 2022/23', 4, 5),
        assess('M2', 'Q4 2021/22', 3, 3),
        assess('M3', 'Q1 2022/23', 4, 3),
        assess('M4', 'Q1 2022/23', 2, 2),
      ]),
      sheet('Actions', [
        [...ACTION_HEADERS],
        action('M1', 'Audit', dateCell('2022-09-01'), 'In progress'),
        action('m1', 'Train', dateCell('2022-12-01'), 'Not started'),
        action('M1', 'Done late', dateCell('2022-06-01'), 'Complete', dateCell('2022-10-05')),
        action('M2', 'Finished', dateCell('2022-06-01'), 'Done', dateCell('2022-07-01')),
      ]),
    ],
    fyStart: 4,
    quarter: 'Q2 2022/23',
    quarterCount: 4,
  },
  {
    name: 'bad management input of every kind',
    sheets: [
      sheet('Risks', [
        [...MANAGEMENT_RISK_HEADERS],
        risk('B1', 'Open', null, null, null, 'soon', 'fortnightly'),
        risk('B2', 'Transferred'),
        risk('B3', 'Proposed for closure'),
      ]),
      sheet('Assessments', [[...ASSESSMENT_HEADERS], assess('B3', 'Q2 2022/23', 3, 3)]),
      sheet('Actions', [
        [...ACTION_HEADERS],
        action('NOPE', 'Unknown risk', null, ''),
        action('B3', 'Bad due date', 'next week', ''),
        action('B3', 'Bad status', null, 'Maybe'),
        action('B3', 'Complete without a date', null, 'Complete'),
        action('B3', '', null, ''),
      ]),
    ],
    fyStart: 4,
    quarterCount: 4,
  },
];
